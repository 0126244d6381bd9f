import "server-only";
// The contribution as a reader sees it: per theme of the round, its paragraphs and recommendations
// with the inputs each cites and how many inputs, organisations and countries stand behind it; for
// its moderators (the anchors, the secretariat once submitted) and, once final, for the public.
import { and, eq, inArray } from "drizzle-orm";
import { cachedPublicData } from "@/lib/cache";
import { getDb } from "@/db/client";
import {
  consultations,
  contributionSections,
  contributions,
  organisations,
  submissions,
  users,
  type Contribution,
  type ContributionItem,
} from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { listThemes } from "@/lib/consultations/themes";
import { userLabel } from "@/lib/db-select";
import { NotFoundError } from "@/lib/errors";
import type { AppLocale } from "@/lib/i18n/config";
import { CONTRIBUTION_TRANSITIONS, EDITABLE, SECRETARIAT_READS, roleOf, type Role } from "./lifecycle";
import type { ContributionStep } from "./schemas";

export interface CitedInput {
  id: string;
  reference: string | null;
  title: string;
  /** Null when the reader may not know it (anonymous or unpublished input, on the public page). */
  organisation: string | null;
  organisationId: string;
  countries: string[];
  status: string;
  /** Still accepted: a citation of an input withdrawn, rejected or sent back since is flagged. */
  current: boolean;
  /** Published, so the public page may link to it. */
  published: boolean;
}

export interface ItemView {
  kind: ContributionItem["kind"];
  text: string;
  citations: CitedInput[];
  /** How many inputs, organisations and countries stand behind it (current citations only). */
  counts: { inputs: number; organisations: number; countries: number };
}

export interface SectionView {
  themeId: number;
  themeName: string;
  version: number;
  updatedAt: Date | null;
  updatedBy: string | null;
  items: ItemView[];
}

export interface ContributionView {
  consultation: { id: string; slug: string; region: string; code: string };
  /** Null fields when nothing has been written yet. */
  contribution: Pick<
    Contribution,
    "status" | "language" | "version" | "returnComment" | "submittedAt" | "finalisedAt"
  > & { exists: boolean };
  sections: SectionView[];
  /** Citations of inputs no longer accepted, in every section. */
  flagged: number;
  /** What this reader may do. */
  can: { edit: boolean; steps: ContributionStep[] };
}

async function consultationById(consultationId: string) {
  const db = await getDb();
  const [c] = await db
    .select({ id: consultations.id, slug: consultations.slug, region: consultations.region, code: consultations.code })
    .from(consultations)
    .where(eq(consultations.id, consultationId));
  if (!c) throw new NotFoundError();
  return c;
}

/** The consultation's round's topics, in order (every section of the contribution is one of them). */
export async function themesOf(consultationId: string, locale: AppLocale) {
  const db = await getDb();
  const [c] = await db
    .select({ roundId: consultations.roundId })
    .from(consultations)
    .where(eq(consultations.id, consultationId));
  if (!c) throw new NotFoundError();
  return listThemes({ locale, roundId: c.roundId });
}

const EMPTY: ContributionView["contribution"] = {
  exists: false,
  status: "draft",
  language: "en",
  version: 1,
  returnComment: null,
  submittedAt: null,
  finalisedAt: null,
};

/** The cited inputs of every section, loaded in one query, by id. */
async function citedInputs(
  items: ContributionItem[],
  consultationId: string,
  audience: "moderators" | "public",
): Promise<Map<string, CitedInput>> {
  const ids = [...new Set(items.flatMap((i) => i.citations))];
  const db = await getDb();
  const rows = ids.length
    ? await db
        .select({
          id: submissions.id,
          reference: submissions.reference,
          title: submissions.title,
          status: submissions.status,
          countries: submissions.countries,
          publication: submissions.publication,
          publishedAt: submissions.publishedAt,
          organisationId: submissions.organisationId,
          organisation: organisations.name,
        })
        .from(submissions)
        .innerJoin(organisations, eq(organisations.id, submissions.organisationId))
        .where(and(inArray(submissions.id, ids), eq(submissions.consultationId, consultationId)))
    : [];
  const byId = new Map(
    rows.map((r) => {
      const published = r.status === "accepted" && r.publishedAt !== null && r.publication !== "none";
      const cited: CitedInput = {
        id: r.id,
        reference: r.reference,
        title: r.title,
        organisation: audience === "moderators" || (published && r.publication === "named") ? r.organisation : null,
        organisationId: r.organisationId,
        countries: r.countries,
        status: r.status,
        current: r.status === "accepted",
        published,
      };
      return [r.id, cited] as const;
    }),
  );
  return byId;
}

/** The items with their citations and how many inputs, organisations and countries stand behind each. */
function withCitations(items: ContributionItem[], byId: Map<string, CitedInput>): ItemView[] {
  return items.map((item) => {
    const citations = item.citations.flatMap((id) => {
      const c = byId.get(id);
      return c ? [c] : [];
    });
    const current = citations.filter((c) => c.current);
    return {
      kind: item.kind,
      text: item.text,
      citations,
      counts: {
        inputs: current.length,
        organisations: new Set(current.map((c) => c.organisationId)).size,
        countries: new Set(current.flatMap((c) => c.countries)).size,
      },
    };
  });
}

async function loadView(
  consultationId: string,
  locale: AppLocale,
  role: Role,
  audience: "moderators" | "public",
): Promise<ContributionView> {
  const db = await getDb();
  const consultation = await consultationById(consultationId);
  const [c] = await db.select().from(contributions).where(eq(contributions.consultationId, consultationId));
  const themes = await themesOf(consultationId, locale);
  const sectionRows = c
    ? await db
        .select({
          themeId: contributionSections.themeId,
          items: contributionSections.items,
          version: contributionSections.version,
          updatedAt: contributionSections.updatedAt,
          by: userLabel,
        })
        .from(contributionSections)
        .leftJoin(users, eq(users.id, contributionSections.updatedBy))
        .where(eq(contributionSections.contributionId, c.id))
    : [];
  const byTheme = new Map(sectionRows.map((s) => [s.themeId, s]));
  const cited = await citedInputs(
    sectionRows.flatMap((s) => s.items),
    consultationId,
    audience,
  );
  const sections: SectionView[] = [];
  for (const t of themes) {
    const s = byTheme.get(t.id);
    sections.push({
      themeId: t.id,
      themeName: t.name,
      version: s?.version ?? 0,
      updatedAt: s && s.version > 0 ? s.updatedAt : null,
      updatedBy: s && s.version > 0 ? s.by : null,
      items: withCitations(s?.items ?? [], cited),
    });
  }
  const status = c?.status ?? "draft";
  const steps = (Object.keys(CONTRIBUTION_TRANSITIONS) as ContributionStep[]).filter((step) => {
    const t = CONTRIBUTION_TRANSITIONS[step];
    return role !== null && t.by.includes(role) && t.from.includes(status);
  });
  return {
    consultation,
    contribution: c
      ? {
          exists: true,
          status: c.status,
          language: c.language,
          version: c.version,
          returnComment: c.returnComment,
          submittedAt: c.submittedAt,
          finalisedAt: c.finalisedAt,
        }
      : EMPTY,
    sections,
    flagged: sections.reduce(
      (n, s) => n + s.items.reduce((m, i) => m + i.citations.filter((x) => !x.current).length, 0),
      0,
    ),
    can: { edit: role === "anchor" && EDITABLE.includes(status), steps },
  };
}

/**
 * The contribution as its moderators see it: the consultation's anchors always, the secretariat once
 * it has been submitted. Anyone else: not found.
 */
export async function getContribution({
  actor,
  consultationId,
  locale,
}: {
  actor: Actor;
  consultationId: string;
  locale: AppLocale;
}): Promise<ContributionView> {
  const role = roleOf(actor, consultationId);
  if (!role) throw new NotFoundError();
  if (role === "secretariat") {
    const db = await getDb();
    const [c] = await db
      .select({ status: contributions.status })
      .from(contributions)
      .where(eq(contributions.consultationId, consultationId));
    if (!c || !SECRETARIAT_READS.includes(c.status)) throw new NotFoundError();
  }
  return loadView(consultationId, locale, role, "moderators");
}

/** The final contribution of a consultation, for its public page: null until it is final. */
export async function getPublishedContribution({
  consultationId,
  locale,
}: {
  consultationId: string;
  locale: AppLocale;
}): Promise<ContributionView | null> {
  // Shared like the public pages' other data: finalising notifies every instance (edit.ts), and a
  // final contribution changes no more (its cited inputs' publication notifies too).
  return cachedPublicData(`contribution:${consultationId}:${locale}`, async (db) => {
    const [c] = await db
      .select({ status: contributions.status })
      .from(contributions)
      .where(eq(contributions.consultationId, consultationId));
    if (c?.status !== "final") return null;
    return loadView(consultationId, locale, null, "public");
  });
}
