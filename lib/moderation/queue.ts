import "server-only";
// The anchors' queue and overview: their own consultation only (the secretariat: any, or
// all together). Drafts are the organisation's and never appear here.
import { and, asc, count, desc, eq, gte, lt, ne, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { consultations, organisations, registrations, rounds, submissions } from "@/db/schema";
import { canModerate, type Actor } from "@/lib/auth/actor";
import { parseKeysetCursor } from "@/lib/cursor";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { QueueFilters } from "./schemas";

export const QUEUE_PAGE_SIZE = 50;
/**
 * A search counts its matches up to this many, then says "more than". An exact count of a common
 * word visits every matching row (7,000 at 100,000 inputs, most of the view's time); past a thousand
 * the anchor narrows the search rather than reads the figure.
 */
export const SEARCH_COUNT_CAP = 1000;

/** Which consultations the actor may moderate in this call: one (anchor or secretariat) or all (secretariat). */
function scope(actor: Actor, consultationId: string | null): SQL | undefined {
  if (consultationId === null) {
    if (!actor.secretariat) throw new ForbiddenError();
    return undefined;
  }
  if (!canModerate(actor, consultationId)) throw new NotFoundError();
  return eq(submissions.consultationId, consultationId);
}

/**
 * "MENA-0042", "mena 42", "Mena0042" → "MENA-0042": what an anchor types for a reference (the code
 * of two to six letters, then the number, padded to the four digits references are given with).
 */
export function referenceFromQuery(q: string): string | null {
  const m = /^([A-Za-z]{2,6})[\s-]?(\d{1,8})$/.exec(q.trim());
  return m ? `${m[1]!.toUpperCase()}-${m[2]!.padStart(4, "0")}` : null;
}

/** An organisation's name or acronym containing the words typed, from this many characters on. */
export const ORGANISATION_SEARCH_MIN = 3;

// One query for every language: the language-neutral part of the document, and each stemmer; or
// the input's reference (the unique index); or its organisation's name or acronym. Each branch can
// use an index, so PostgreSQL combines them with a BitmapOr: the organisations are looked up once
// (an InitPlan, `= any(array(…))`) and their inputs through the organisation_id index.
export function searchCondition(q: string): SQL {
  const branches = [wordSearch(q)];
  const reference = referenceFromQuery(q);
  if (reference) branches.push(sql`${submissions.reference} = ${reference}`);
  const byName = organisationSearch(q);
  if (byName) branches.push(byName);
  return sql`(${sql.join(branches, sql` or `)})`;
}

/** The input's words, in every language's stemming and none. */
export function wordSearch(q: string): SQL {
  return sql`${submissions.search} @@ (plainto_tsquery('simple', ${q}) || plainto_tsquery('english', ${q}) || plainto_tsquery('french', ${q}) || plainto_tsquery('spanish', ${q}) || plainto_tsquery('arabic', ${q}))`;
}

/** Inputs of the organisations whose name or acronym contains what was typed (null: too short to search). */
export function organisationSearch(q: string): SQL | null {
  if (q.length < ORGANISATION_SEARCH_MIN) return null;
  // LIKE's own wildcards in what was typed are literal characters.
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`${submissions.organisationId} = any(array(select ${organisations.id} from ${organisations} where ${organisations.name} ilike ${pattern} or ${organisations.acronym} ilike ${pattern}))`;
}

export function queueConditions(actor: Actor, consultationId: string | null, f: QueueFilters): SQL[] {
  const conds: SQL[] = [ne(submissions.status, "draft")];
  const s = scope(actor, consultationId);
  if (s) conds.push(s);
  if (f.status) conds.push(sql`${submissions.status} = ${f.status}`);
  if (f.theme) conds.push(sql`${submissions.themes} @> array[${f.theme}]::smallint[]`);
  if (f.country) conds.push(sql`${submissions.countries} @> array[${f.country}]::text[]`);
  if (f.language) conds.push(eq(submissions.language, f.language));
  if (f.orgType) conds.push(eq(organisations.type, f.orgType));
  if (f.region)
    conds.push(
      sql`${submissions.consultationId} = (select ${consultations.id} from ${consultations} where ${consultations.slug} = ${f.region})`,
    );
  if (f.round)
    conds.push(
      sql`${submissions.consultationId} in (select ${consultations.id} from ${consultations} inner join ${rounds} on ${rounds.id} = ${consultations.roundId} where ${rounds.slug} = ${f.round})`,
    );
  if (f.from) conds.push(gte(submissions.submittedAt, new Date(`${f.from}T00:00:00Z`)));
  if (f.to) conds.push(lt(submissions.submittedAt, new Date(new Date(`${f.to}T00:00:00Z`).getTime() + 86_400_000)));
  if (f.q) conds.push(searchCondition(f.q));
  return conds;
}

export interface QueueRow {
  id: string;
  consultationId: string;
  reference: string | null;
  title: string;
  status: string;
  submittedAt: Date | null;
  language: string;
  themes: number[];
  countries: string[];
  publication: string;
  keywords: string[];
  version: number;
  channel: string;
  organisation: { id: string; name: string; type: string; verified: boolean; registered: boolean };
}

export interface QueuePage {
  rows: QueueRow[];
  /** Exact, except for a search with more than SEARCH_COUNT_CAP matches (then totalCapped). */
  total: number;
  totalCapped: boolean;
  nextCursor: string | null;
}

export async function listQueue({
  actor,
  consultationId,
  filters,
  pageSize = QUEUE_PAGE_SIZE,
  searchCountCap = SEARCH_COUNT_CAP,
}: {
  actor: Actor;
  consultationId: string | null;
  filters: QueueFilters;
  pageSize?: number;
  searchCountCap?: number;
}): Promise<QueuePage> {
  const conds = queueConditions(actor, consultationId, filters);
  const db = await getDb();
  const newest = filters.sort !== "oldest";
  const page = [...conds];
  const after = parseKeysetCursor(filters.after);
  if (after) {
    // A row-value comparison lets the index start right at the cursor (page 50 reads 50 rows, not 2,500).
    // postgres-js cannot bind a Date inside a raw SQL fragment: the time goes as an ISO string.
    const cursor = sql`(${after.at.toISOString()}::timestamptz, ${after.id}::uuid)`;
    page.push(
      newest
        ? sql`(${submissions.submittedAt}, ${submissions.id}) < ${cursor}`
        : sql`(${submissions.submittedAt}, ${submissions.id}) > ${cursor}`,
    );
  }
  const registered = sql<boolean>`exists (select 1 from ${registrations} where ${registrations.organisationId} = ${submissions.organisationId} and ${registrations.consultationId} = ${submissions.consultationId} and ${registrations.status} in ('confirmed', 'waitlisted', 'pending'))`;
  const [rows, total] = await Promise.all([
    db
      .select({
        id: submissions.id,
        consultationId: submissions.consultationId,
        reference: submissions.reference,
        title: submissions.title,
        status: submissions.status,
        submittedAt: submissions.submittedAt,
        language: submissions.language,
        themes: submissions.themes,
        countries: submissions.countries,
        publication: submissions.publication,
        keywords: submissions.keywords,
        version: submissions.version,
        channel: submissions.channel,
        orgId: organisations.id,
        orgName: organisations.name,
        orgType: organisations.type,
        orgVerifiedAt: organisations.verifiedAt,
        registered,
      })
      .from(submissions)
      .innerJoin(organisations, eq(organisations.id, submissions.organisationId))
      .where(and(...page))
      .orderBy(
        newest ? desc(submissions.submittedAt) : asc(submissions.submittedAt),
        newest ? desc(submissions.id) : asc(submissions.id),
      )
      .limit(pageSize + 1),
    countMatches(conds, filters, searchCountCap),
  ]);
  const more = rows.length > pageSize;
  const shown = rows.slice(0, pageSize);
  const last = shown.at(-1);
  return {
    rows: shown.map((r) => ({
      id: r.id,
      consultationId: r.consultationId,
      reference: r.reference,
      title: r.title,
      status: r.status,
      submittedAt: r.submittedAt,
      language: r.language,
      themes: r.themes,
      countries: r.countries,
      publication: r.publication,
      keywords: r.keywords,
      version: r.version,
      channel: r.channel,
      organisation: {
        id: r.orgId,
        name: r.orgName,
        type: r.orgType,
        verified: r.orgVerifiedAt !== null,
        registered: r.registered,
      },
    })),
    total: filters.q ? Math.min(total, searchCountCap) : total,
    totalCapped: filters.q !== undefined && total > searchCountCap,
    nextCursor: more && last?.submittedAt ? `${last.submittedAt.toISOString()}_${last.id}` : null,
  };
}

async function countMatches(conds: SQL[], filters: QueueFilters, cap: number): Promise<number> {
  const db = await getDb();
  // organisation_id is NOT NULL with a foreign key: the join only matters to filter by type.
  const matching = filters.orgType
    ? db
        .select({ one: sql`1` })
        .from(submissions)
        .innerJoin(organisations, eq(organisations.id, submissions.organisationId))
        .where(and(...conds))
    : db
        .select({ one: sql`1` })
        .from(submissions)
        .where(and(...conds));
  const [row] = await db.select({ n: count() }).from((filters.q ? matching.limit(cap + 1) : matching).as("matching"));
  return row?.n ?? 0;
}

export interface Overview {
  total: number;
  byStatus: Record<string, number>;
  byTheme: Record<string, number>;
  /** Every country the inputs name, most named first (the chart shows ten, the filter offers all). */
  byCountry: { key: string; n: number }[];
  byOrgType: Record<string, number>;
  byLanguage: Record<string, number>;
  registrations: { byStatus: Record<string, number>; seatsTaken: number; capacity: number | null };
}

/** Whose overview: one consultation's, or (the secretariat's) every consultation's or one round's. */
export interface OverviewScope {
  actor: Actor;
  consultationId: string | null;
  round?: string;
}

export async function getOverview({ actor, consultationId, round }: OverviewScope): Promise<Overview> {
  // Across consultations (the secretariat), one round's when a round's slug is given.
  const conds = queueConditions(actor, consultationId, { sort: "newest", round: consultationId ? undefined : round });
  const db = await getDb();
  const where = and(...conds);
  // Status and language in one pass over the index; topics (a round's, any number of them),
  // countries and organisation types need their own grouping.
  const [grouped, themeCounts, byCountry, byOrgType] = await Promise.all([
    db
      .select({ status: submissions.status, language: submissions.language, n: count() })
      .from(submissions)
      .where(where)
      .groupBy(submissions.status, submissions.language),
    db
      .select({ key: sql<number>`t.id`, n: count() })
      .from(submissions)
      .innerJoin(sql`unnest(${submissions.themes}) as t(id)`, sql`true`)
      .where(where)
      .groupBy(sql`t.id`),
    db
      .select({ key: sql<string>`c.country`, n: count() })
      .from(submissions)
      .innerJoin(sql`unnest(${submissions.countries}) as c(country)`, sql`true`)
      .where(where)
      .groupBy(sql`c.country`)
      .orderBy(desc(count())),
    db
      .select({ key: organisations.type, n: count() })
      .from(submissions)
      .innerJoin(organisations, eq(organisations.id, submissions.organisationId))
      .where(where)
      .groupBy(organisations.type),
  ]);
  const sum = (key: (r: (typeof grouped)[number]) => string) => {
    const out: Record<string, number> = {};
    for (const r of grouped) out[key(r)] = (out[key(r)] ?? 0) + r.n;
    return out;
  };
  const byTheme: Record<string, number> = Object.fromEntries(
    themeCounts.filter((r) => r.n > 0).map((r) => [String(r.key), r.n]),
  );
  const ofRound = (column: typeof registrations.consultationId | typeof consultations.id) =>
    sql`${column} in (select ${consultations.id} from ${consultations} inner join ${rounds} on ${rounds.id} = ${consultations.roundId} where ${rounds.slug} = ${round})`;
  const regWhere = consultationId
    ? eq(registrations.consultationId, consultationId)
    : round
      ? ofRound(registrations.consultationId)
      : undefined;
  const [regs, seats, capacity] = await Promise.all([
    db
      .select({ key: registrations.status, n: count() })
      .from(registrations)
      .where(regWhere)
      .groupBy(registrations.status),
    db
      .select({ n: sql<number>`coalesce(sum(${registrations.inPersonSeats}), 0)::int` })
      .from(registrations)
      .where(and(regWhere, eq(registrations.status, "confirmed"))),
    consultationId
      ? db.select({ n: consultations.inPersonCapacity }).from(consultations).where(eq(consultations.id, consultationId))
      : db
          .select({ n: sql<number | null>`sum(${consultations.inPersonCapacity})::int` })
          .from(consultations)
          .where(round ? ofRound(consultations.id) : undefined),
  ]);
  const rec = (rows: { key: string | number; n: number }[]) =>
    Object.fromEntries(rows.map((r) => [String(r.key), r.n]));
  return {
    total: grouped.reduce((a, r) => a + r.n, 0),
    byStatus: sum((r) => r.status),
    byTheme,
    byCountry: byCountry.map((r) => ({ key: r.key, n: r.n })),
    byOrgType: rec(byOrgType),
    byLanguage: sum((r) => r.language),
    registrations: { byStatus: rec(regs), seatsTaken: seats[0]?.n ?? 0, capacity: capacity[0]?.n ?? null },
  };
}
