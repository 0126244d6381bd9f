import "server-only";
// Coverage: per theme, the consultation's accepted inputs that no paragraph or recommendation of the
// contribution cites yet, so nothing said is left unread; an anchor may mark one "read, not cited"
// with a note. And similar inputs: the inputs of the same consultation most alike an input (pg_trgm
// on its title and summary, then full-text ranking), to group them and to spot duplicates.
import { and, eq, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { coverageNotes, submissions } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { canModerate, isAnchorOf, type Actor } from "@/lib/auth/actor";
import { submissionForModeration } from "@/lib/moderation/access";
import { NotFoundError } from "@/lib/errors";
import { themesOf } from "./index";
import type { ReadNotCitedInput } from "./schemas";

export const COVERAGE_PAGE = 50;

export interface UncitedInput {
  id: string;
  reference: string | null;
  title: string;
  organisation: string;
  /** Set when an anchor marked it read, not cited. */
  note: string | null;
}

export interface CoverageTheme {
  themeId: number;
  themeName: string;
  accepted: number;
  cited: number;
  readNotCited: number;
  /** Neither cited nor marked read: the ones left to read. */
  unread: number;
  /** The first COVERAGE_PAGE uncited inputs (unread first), for the chosen theme only. */
  inputs: UncitedInput[];
}

export interface Coverage {
  themes: CoverageTheme[];
  /** Cited inputs that are no longer accepted (withdrawn, rejected, sent back): flagged in the draft. */
  flagged: { id: string; reference: string | null; title: string; status: string }[];
}

/**
 * The consultation's coverage, for its anchors and the secretariat. Counts per theme in one
 * statement over the accepted inputs (an input counts under each of its themes); the list of
 * uncited inputs for one theme (`themeId`, default the first).
 */
export async function getCoverage({
  actor,
  consultationId,
  themeId,
  offset = 0,
}: {
  actor: Actor;
  consultationId: string;
  themeId?: number;
  offset?: number;
}): Promise<Coverage> {
  if (!canModerate(actor, consultationId)) throw new NotFoundError();
  const themes = await themesOf(consultationId, actor.locale);
  // The contribution's id first: the citations are then probed through their own index, never joined
  // whole (a join through contributions misled the planner into a nested loop over every citation).
  const [contribution] = await rowsOf<{ id: string }>(
    sql`select id from contributions where consultation_id = ${consultationId}`,
  );
  const cid = contribution?.id ?? null;
  const counts = await rowsOf<{ theme: number; accepted: number; cited: number; read: number }>(sql`
    select t.theme::int as theme, count(*)::int as accepted,
      count(*) filter (where cited.submission_id is not null)::int as cited,
      count(*) filter (where cited.submission_id is null and n.submission_id is not null)::int as read
    from submissions s
    cross join lateral unnest(s.themes) as t(theme)
    left join (select distinct submission_id from contribution_citations where contribution_id = ${cid}) cited on cited.submission_id = s.id
    left join coverage_notes n on n.consultation_id = s.consultation_id and n.submission_id = s.id
    where s.consultation_id = ${consultationId} and s.status = 'accepted'
    group by t.theme`);
  const byTheme = new Map(counts.map((r) => [Number(r.theme), r]));
  const chosen = themeId ?? themes[0]?.id;
  // Unread first, then in the order they came; the organisations' names for the page's rows only.
  const list = chosen
    ? await rowsOf<UncitedInput>(sql`
      with page as (
        select s.id, s.reference, s.title, s.organisation_id, s.submitted_at, n.note, n.submission_id is not null as read
        from submissions s
        left join coverage_notes n on n.consultation_id = s.consultation_id and n.submission_id = s.id
        where s.consultation_id = ${consultationId} and s.status = 'accepted' and ${chosen}::smallint = any(s.themes)
          and not exists (select 1 from contribution_citations cc where cc.contribution_id = ${cid} and cc.submission_id = s.id)
        order by read, s.submitted_at, s.id
        limit ${COVERAGE_PAGE} offset ${Math.max(0, offset)}
      )
      select page.id, page.reference, page.title, o.name as organisation, page.note
      from page join organisations o on o.id = page.organisation_id
      order by page.read, page.submitted_at, page.id`)
    : [];
  const flagged = await rowsOf<Coverage["flagged"][number]>(sql`
    select distinct s.id, s.reference, s.title, s.status::text as status
    from contribution_citations cc
    join submissions s on s.id = cc.submission_id
    where cc.contribution_id = ${cid} and s.status <> 'accepted'
    order by s.reference`);
  return {
    themes: themes.map((t) => {
      const c = byTheme.get(t.id);
      const accepted = c?.accepted ?? 0;
      const cited = c?.cited ?? 0;
      const read = c?.read ?? 0;
      return {
        themeId: t.id,
        themeName: t.name,
        accepted,
        cited,
        readNotCited: read,
        unread: accepted - cited - read,
        inputs: t.id === chosen ? list : [],
      };
    }),
    flagged,
  };
}

/** Marks an accepted input of the consultation "read, not cited" with a note, or clears the mark. */
export async function markReadNotCited({ actor, input }: { actor: Actor; input: ReadNotCitedInput }): Promise<void> {
  if (!isAnchorOf(actor, input.consultationId)) throw new NotFoundError();
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [s] = await tx
      .select({ id: submissions.id, status: submissions.status, organisationId: submissions.organisationId })
      .from(submissions)
      .where(and(eq(submissions.id, input.submissionId), eq(submissions.consultationId, input.consultationId)));
    if (!s || s.status === "draft") throw new NotFoundError();
    if (input.clear) {
      await tx
        .delete(coverageNotes)
        .where(and(eq(coverageNotes.consultationId, input.consultationId), eq(coverageNotes.submissionId, s.id)));
    } else {
      await tx
        .insert(coverageNotes)
        .values({ consultationId: input.consultationId, submissionId: s.id, note: input.note, createdBy: actor.userId })
        .onConflictDoUpdate({
          target: [coverageNotes.consultationId, coverageNotes.submissionId],
          set: { note: input.note, createdBy: actor.userId, createdAt: new Date() },
        });
    }
    await recordAudit(tx, actor.userId, {
      action: input.clear ? "contribution.readMarkCleared" : "contribution.readNotCited",
      consultationId: input.consultationId,
      organisationId: s.organisationId,
      submissionId: s.id,
      note: input.clear ? null : input.note || null,
    });
  });
}

export interface SimilarInput {
  id: string;
  reference: string | null;
  title: string;
  organisation: string;
  status: string;
  /** 0–1: pg_trgm similarity of title and summary. */
  similarity: number;
}

/**
 * The inputs of the same consultation most similar to one: the nearest titles by trigram distance
 * (a GiST index on consultation and title answers it), re-ranked by the trigram similarity of title
 * and summary together, and by full-text rank against the input's title.
 * For its moderators only. Drafts never appear.
 */
export async function similarInputs({
  actor,
  submissionId,
  limit = 5,
}: {
  actor: Actor;
  submissionId: string;
  limit?: number;
}): Promise<SimilarInput[]> {
  const db = await getDb();
  const s = await submissionForModeration(db, actor, submissionId);
  return similarTo({
    consultationId: s.consultationId,
    excludeId: s.id,
    text: `${s.title} ${s.summary}`,
    title: s.title,
    limit,
  });
}

/** The same lookup for a piece of text (the citation picker's search), within one consultation. */
export async function similarTo({
  consultationId,
  excludeId,
  text,
  title,
  limit,
}: {
  consultationId: string;
  excludeId?: string;
  text: string;
  title: string;
  limit: number;
}): Promise<SimilarInput[]> {
  const rows = await rowsOf<SimilarInput>(sql`
    with near as (
      select s.id, s.reference, s.title, s.organisation_id, s.status, s.search,
        similarity(s.title || ' ' || s.summary, ${text}) as similarity
      from submissions s
      where s.consultation_id = ${consultationId} and s.status <> 'draft'
        and s.id <> ${excludeId ?? "00000000-0000-0000-0000-000000000000"}::uuid
      order by s.title <-> ${title}
      limit ${limit * 4}
    )
    select near.id, near.reference, near.title, o.name as organisation, near.status::text as status,
      round(near.similarity::numeric, 3)::float8 as similarity
    from near join organisations o on o.id = near.organisation_id
    where near.similarity > 0.1
    order by near.similarity + 0.1 * ts_rank(near.search, plainto_tsquery('simple', ${title})) desc, near.id
    limit ${limit}`);
  return rows.map((r) => ({ ...r, similarity: Number(r.similarity) }));
}

/** The rows of a statement: drizzle's execute() returns rows (postgres.js) or { rows } (PGlite). */
async function rowsOf<T>(query: SQL): Promise<T[]> {
  const db = await getDb();
  const result: unknown = await db.execute(query);
  return (Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? [])) as T[];
}

export interface CitableInput {
  id: string;
  reference: string | null;
  title: string;
  organisation: string;
  countries: string[];
  /** Already cited somewhere in the contribution. */
  cited: boolean;
}

/**
 * The finder beside a section's editor: the consultation's accepted inputs matching `q` (a
 * reference, words of the title or summary, or the organisation's name), or, without `q`, those of
 * the theme that no paragraph cites yet. For the consultation's anchors.
 */
export async function findCitable({
  actor,
  consultationId,
  themeId,
  q,
  limit = 30,
}: {
  actor: Actor;
  consultationId: string;
  themeId: number;
  q: string;
  limit?: number;
}): Promise<CitableInput[]> {
  if (!isAnchorOf(actor, consultationId)) throw new NotFoundError();
  const words = q.trim().slice(0, 200);
  const like = `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const match = words
    ? sql`(s.reference = ${words.toUpperCase()} or s.title ilike ${like} or o.name ilike ${like} or o.acronym ilike ${like}
           or s.search @@ plainto_tsquery('simple', ${words}))`
    : sql`${themeId}::smallint = any(s.themes)`;
  const rows = await rowsOf<CitableInput>(sql`
    select s.id, s.reference, s.title, o.name as organisation, s.countries,
      exists (select 1 from contribution_citations cc join contributions c on c.id = cc.contribution_id
              where c.consultation_id = ${consultationId} and cc.submission_id = s.id) as cited
    from submissions s join organisations o on o.id = s.organisation_id
    where s.consultation_id = ${consultationId} and s.status = 'accepted' and ${match}
    order by cited, s.submitted_at, s.id
    limit ${limit}`);
  return rows.map((r) => ({ ...r, cited: Boolean(r.cited) }));
}
