import "server-only";
// Published inputs (SPEC §G), for anyone: accepted, published by a moderator, and only as the
// organisation chose. An anonymous input carries no organisation, person or contact detail at all:
// those columns are never selected for it.
import { and, desc, eq, isNotNull, lt, ne, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cachedPublicData } from "@/lib/cache";
import { consultations, organisations, submissions } from "@/db/schema";
import { parseKeysetCursor } from "@/lib/cursor";

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
  consultation: { slug: string; region: string };
  /** Null for an anonymous input. */
  organisation: { name: string; country: string } | null;
}

export async function listPublishedInputs({
  consultationSlug,
  theme,
  after,
}: {
  consultationSlug?: string;
  theme?: number;
  after?: string;
}): Promise<{ rows: PublicInput[]; nextCursor: string | null }> {
  // Cached per filters and cursor (lib/cache: at most a few seconds old, everywhere).
  return cachedPublicData(`inputs:${consultationSlug ?? ""}:${theme ?? ""}:${after ?? ""}`, (db) => readPublishedInputs(db, { consultationSlug, theme, after }));
}

async function readPublishedInputs(
  db: Db,
  { consultationSlug, theme, after }: { consultationSlug?: string; theme?: number; after?: string },
): Promise<{ rows: PublicInput[]; nextCursor: string | null }> {
  const conds: SQL[] = [eq(submissions.status, "accepted"), isNotNull(submissions.publishedAt), ne(submissions.publication, "none")];
  if (consultationSlug) conds.push(eq(consultations.slug, consultationSlug));
  if (theme) conds.push(sql`${submissions.themes} @> array[${theme}]::smallint[]`);
  // A malformed cursor (not a real instant, not a real UUID) is the first page, not a database error.
  const cursor = parseKeysetCursor(after);
  if (cursor) {
    const { at: t, id } = cursor;
    conds.push(or(lt(submissions.publishedAt, t), and(eq(submissions.publishedAt, t), lt(submissions.id, id)))!);
  }
  const named = sql`${submissions.publication} = 'named'`;
  const rows = await db
    .select({
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
      // Selected only for named inputs: an anonymous row never carries them.
      orgName: sql<string | null>`case when ${named} then ${organisations.name} end`,
      orgCountry: sql<string | null>`case when ${named} then ${organisations.country} end`,
    })
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
    rows: shown.map((r) => ({
      id: r.id,
      reference: r.reference ?? "",
      title: r.title,
      summary: r.summary,
      recommendations: r.recommendations,
      themes: r.themes,
      countries: r.countries,
      language: r.language,
      publishedAt: r.publishedAt!,
      consultation: { slug: r.slug, region: r.region },
      organisation: r.orgName ? { name: r.orgName, country: r.orgCountry ?? "" } : null,
    })),
    nextCursor: more && last ? `${last.publishedAt!.toISOString()}_${last.id}` : null,
  };
}
