import "server-only";
// Published inputs, for anyone: accepted, published by a moderator, and only as the
// organisation chose. An anonymous input carries no organisation, person or contact detail at all:
// those columns are never selected for it.
import { and, asc, desc, eq, isNotNull, lt, ne, or, sql, type SQL } from "drizzle-orm";
import type { SelectResultFields } from "drizzle-orm/query-builders/select.types";
import { getDb, type Db } from "@/db/client";
import { attachments, consultations, organisations, submissions, type Attachment } from "@/db/schema";
import { cachedPublicData } from "@/lib/cache";
import { parseKeysetCursor } from "@/lib/cursor";
import { organisationIfNamed } from "@/lib/db-select";
import { NotFoundError } from "@/lib/errors";
import { organisationSearch, referenceFromQuery, wordSearch } from "@/lib/moderation/queue";
import { fileStore } from "@/lib/storage";

export const PUBLIC_PAGE_SIZE = 20;

export interface PublicInput {
  id: string;
  reference: string;
  title: string;
  summary: string;
  recommendations: string[];
  themes: number[];
  countries: string[];
  language: string;
  publishedAt: Date;
  consultation: { slug: string; region: string; roundId: string };
  /** Null for an anonymous input. */
  organisation: { name: string; country: string } | null;
}

// What the public may see at all: accepted, published by a moderator, and not "not at all".
const published = (): SQL[] => [
  eq(submissions.status, "accepted"),
  isNotNull(submissions.publishedAt),
  ne(submissions.publication, "none"),
];
const named = sql`${submissions.publication} = 'named'`;

/**
 * The public search: an input's words in any language, its reference, or the name of its
 * organisation — for inputs published with that name only, so that searching an organisation's name
 * never reveals which anonymous inputs are its own.
 */
function publicSearch(q: string): SQL {
  const branches = [wordSearch(q)];
  const reference = referenceFromQuery(q);
  if (reference) branches.push(sql`${submissions.reference} = ${reference}`);
  const byName = organisationSearch(q);
  if (byName) branches.push(sql`(${named} and ${byName})`);
  return sql`(${sql.join(branches, sql` or `)})`;
}

export async function listPublishedInputs({
  roundId,
  consultationSlug,
  theme,
  q,
  after,
}: {
  /** One round's inputs (the public list shows one round at a time); omitted: every round's. */
  roundId?: string;
  consultationSlug?: string;
  theme?: number;
  q?: string;
  after?: string;
}): Promise<{ rows: PublicInput[]; nextCursor: string | null }> {
  // Cached per filters and cursor (lib/cache: at most a few seconds old, everywhere).
  return cachedPublicData(
    `inputs:${roundId ?? ""}:${consultationSlug ?? ""}:${theme ?? ""}:${q ?? ""}:${after ?? ""}`,
    (db) => readPublishedInputs(db, { roundId, consultationSlug, theme, q, after }),
  );
}

// What a published input shows in the list and on its page.
const publicColumns = {
  id: submissions.id,
  reference: submissions.reference,
  title: submissions.title,
  summary: submissions.summary,
  recommendations: submissions.recommendations,
  themes: submissions.themes,
  countries: submissions.countries,
  language: submissions.language,
  publishedAt: submissions.publishedAt,
  slug: consultations.slug,
  region: consultations.region,
  roundId: consultations.roundId,
  // Selected only for named inputs: an anonymous row never carries them.
  ...organisationIfNamed(named),
};

type PublicRow = SelectResultFields<typeof publicColumns>;

function toPublicInput(r: PublicRow): PublicInput {
  return {
    id: r.id,
    reference: r.reference ?? "",
    title: r.title,
    summary: r.summary,
    recommendations: r.recommendations,
    themes: r.themes,
    countries: r.countries,
    language: r.language,
    publishedAt: r.publishedAt!,
    consultation: { slug: r.slug, region: r.region, roundId: r.roundId },
    organisation: r.orgName ? { name: r.orgName, country: r.orgCountry ?? "" } : null,
  };
}

async function readPublishedInputs(
  db: Db,
  {
    roundId,
    consultationSlug,
    theme,
    q,
    after,
  }: { roundId?: string; consultationSlug?: string; theme?: number; q?: string; after?: string },
): Promise<{ rows: PublicInput[]; nextCursor: string | null }> {
  const conds: SQL[] = published();
  if (roundId) conds.push(eq(consultations.roundId, roundId));
  if (consultationSlug) conds.push(eq(consultations.slug, consultationSlug));
  if (theme) conds.push(sql`${submissions.themes} @> array[${theme}]::smallint[]`);
  if (q) conds.push(publicSearch(q));
  // A malformed cursor (not a real instant, not a real UUID) is the first page, not a database error.
  const cursor = parseKeysetCursor(after);
  if (cursor) {
    const { at: t, id } = cursor;
    conds.push(or(lt(submissions.publishedAt, t), and(eq(submissions.publishedAt, t), lt(submissions.id, id)))!);
  }
  const rows = await db
    .select(publicColumns)
    .from(submissions)
    .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
    .innerJoin(organisations, eq(organisations.id, submissions.organisationId))
    .where(and(...conds))
    .orderBy(desc(submissions.publishedAt), desc(submissions.id))
    .limit(PUBLIC_PAGE_SIZE + 1);
  const more = rows.length > PUBLIC_PAGE_SIZE;
  const shown = rows.slice(0, PUBLIC_PAGE_SIZE);
  const last = shown.at(-1);
  return {
    rows: shown.map(toPublicInput),
    nextCursor: more && last ? `${last.publishedAt!.toISOString()}_${last.id}` : null,
  };
}

export interface PublishedInputPage extends PublicInput {
  body: string;
  /** Only for an input published with its organisation's name: files may name their authors. */
  attachments: Pick<Attachment, "id" | "fileName" | "mediaType" | "size">[];
}

/** One published input by its reference (MENA-0042), for anyone; not found when it is not public. */
export async function getPublishedInput({ reference }: { reference: string }): Promise<PublishedInputPage> {
  const db = await getDb();
  const [r] = await db
    .select({ ...publicColumns, body: submissions.body, isNamed: sql<boolean>`${named}` })
    .from(submissions)
    .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
    .innerJoin(organisations, eq(organisations.id, submissions.organisationId))
    .where(and(eq(submissions.reference, reference), ...published()));
  if (!r) throw new NotFoundError();
  const files = r.isNamed
    ? await db
        .select({
          id: attachments.id,
          fileName: attachments.fileName,
          mediaType: attachments.mediaType,
          size: attachments.size,
        })
        .from(attachments)
        .where(eq(attachments.submissionId, r.id))
        .orderBy(asc(attachments.createdAt))
    : [];
  return { ...toPublicInput(r), body: r.body, attachments: files };
}

/** A file of a published, named input, for anyone (the same rule as getPublishedInput's list). */
export async function getPublishedAttachment({
  attachmentId,
}: {
  attachmentId: string;
}): Promise<{ attachment: Attachment; bytes: Uint8Array }> {
  const db = await getDb();
  const [row] = await db
    .select({ a: attachments })
    .from(attachments)
    .innerJoin(submissions, eq(submissions.id, attachments.submissionId))
    .where(and(eq(attachments.id, attachmentId), ...published(), named));
  if (!row) throw new NotFoundError();
  const bytes = await fileStore().get(row.a.storageKey);
  if (!bytes) throw new NotFoundError();
  return { attachment: row.a, bytes };
}
