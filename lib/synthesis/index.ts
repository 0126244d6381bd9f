import "server-only";
// The region's contribution: the anchors' synthesis of the consultation's inputs, per theme, each
// paragraph and recommendation citing the inputs it draws on. Anchors of the consultation write it
// (a theme's section is saved whole and version-checked: two anchors editing one theme get a
// conflict, never an overwrite), submit it to the secretariat, which returns it with a comment or
// lets it be finalised; the final text is published on the consultation's page. Every step is one
// transaction with its audit row. The secretariat never sees a draft; other regions' anchors see
// nothing.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import {
  auditEvents,
  consultations,
  contributionCitations,
  contributionRevisions,
  contributionSections,
  contributions,
  organisations,
  submissions,
  users,
  type Contribution,
  type ContributionItem,
  type ContributionStatus,
} from "@/db/schema";
import { isAnchorOf, type Actor } from "@/lib/auth/actor";
import { listThemes } from "@/lib/consultations/themes";
import { ConflictError, DomainError, NotFoundError } from "@/lib/errors";
import type { AppLocale } from "@/lib/i18n/config";
import {
  notReferencesIn,
  referencesIn,
  type ContributionStep,
  type ContributionStepInput,
  type SectionInput,
} from "./schemas";

/** Who may do what to a contribution in which state, in one table. */
export const CONTRIBUTION_TRANSITIONS: Record<
  ContributionStep,
  { from: ContributionStatus[]; to: ContributionStatus; by: ("anchor" | "secretariat")[] }
> = {
  submit: { from: ["draft", "returned"], to: "submitted", by: ["anchor"] },
  return: { from: ["submitted"], to: "returned", by: ["secretariat"] },
  finalise: { from: ["submitted", "returned"], to: "final", by: ["anchor", "secretariat"] },
};

/** States in which the anchors may change the text. */
export const EDITABLE: readonly ContributionStatus[] = ["draft", "returned"];
/** States the secretariat may read. */
const SECRETARIAT_READS: readonly ContributionStatus[] = ["submitted", "returned", "final"];

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

type Role = "anchor" | "secretariat" | null;
const roleOf = (actor: Actor, consultationId: string): Role =>
  isAnchorOf(actor, consultationId) ? "anchor" : actor.secretariat ? "secretariat" : null;

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
          by: users.name,
          email: users.email,
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
      updatedBy: s && s.version > 0 ? (s.by ?? s.email ?? null) : null,
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
  const db = await getDb();
  const [c] = await db
    .select({ status: contributions.status })
    .from(contributions)
    .where(eq(contributions.consultationId, consultationId));
  if (c?.status !== "final") return null;
  return loadView(consultationId, locale, null, "public");
}

/** The contribution row, created on first use, locked for the transaction. */
async function lockContribution(
  tx: Tx,
  consultationId: string,
  language: ContributionView["contribution"]["language"],
): Promise<Contribution> {
  await tx.insert(contributions).values({ consultationId, language }).onConflictDoNothing();
  const [c] = await tx
    .select()
    .from(contributions)
    .where(eq(contributions.consultationId, consultationId))
    .for("update");
  return c!;
}

/**
 * Saves a theme's section whole, from the version the anchor loaded. A newer version saved meanwhile
 * by someone else: ConflictError, nothing written. Cited inputs must be this consultation's accepted
 * inputs (a citation already in the section may stay, flagged, after its input was withdrawn).
 */
export async function saveSection({
  actor,
  input,
}: {
  actor: Actor;
  input: SectionInput;
}): Promise<{ version: number }> {
  if (!isAnchorOf(actor, input.consultationId)) throw new NotFoundError();
  const themes = await themesOf(input.consultationId, actor.locale);
  if (!themes.some((t) => t.id === input.themeId)) throw new NotFoundError();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const c = await lockContribution(tx, input.consultationId, actor.locale);
    if (!EDITABLE.includes(c.status)) throw new DomainError("contributionLocked", 409);
    await tx
      .insert(contributionSections)
      .values({ contributionId: c.id, themeId: input.themeId })
      .onConflictDoNothing();
    const [section] = await tx
      .select()
      .from(contributionSections)
      .where(and(eq(contributionSections.contributionId, c.id), eq(contributionSections.themeId, input.themeId)))
      .for("update");
    if (!section || section.version !== input.version) throw new ConflictError("contributionConflict");

    // References typed in an item's "add" field: this consultation's inputs, by reference.
    const typed = input.items.map((i) => referencesIn(i.add));
    const allTyped = [...new Set(typed.flat())];
    const byReference = new Map<string, string>();
    if (allTyped.length) {
      const found = await tx
        .select({ id: submissions.id, reference: submissions.reference })
        .from(submissions)
        .where(and(inArray(submissions.reference, allTyped), eq(submissions.consultationId, input.consultationId)));
      for (const f of found) if (f.reference) byReference.set(f.reference, f.id);
    }
    for (const [n, item] of input.items.entries()) {
      const unknown = [...notReferencesIn(item.add), ...typed[n]!.filter((r) => !byReference.has(r))];
      if (unknown.length)
        throw new DomainError("citationUnknown", 400, { references: unknown.join(", ") }, `items.${n}.add`);
    }
    const items: ContributionItem[] = input.items.map((i, n) => ({
      kind: i.kind,
      text: i.text,
      citations: [...new Set([...i.citations, ...typed[n]!.map((r) => byReference.get(r)!)])],
    }));
    const cited = [...new Set(items.flatMap((i) => i.citations))];
    if (cited.length) {
      const already = new Set(section.items.flatMap((i) => i.citations));
      const found = await tx
        .select({ id: submissions.id, status: submissions.status })
        .from(submissions)
        .where(and(inArray(submissions.id, cited), eq(submissions.consultationId, input.consultationId)));
      const ok = new Set(found.filter((f) => f.status === "accepted" || already.has(f.id)).map((f) => f.id));
      if (cited.some((id) => !ok.has(id))) throw new DomainError("citationNotAccepted", 400, {}, "items");
    }

    const version = section.version + 1;
    const now = new Date();
    await tx
      .update(contributionSections)
      .set({ items, version, updatedBy: actor.userId, updatedAt: now })
      .where(and(eq(contributionSections.contributionId, c.id), eq(contributionSections.themeId, input.themeId)));
    await tx
      .insert(contributionRevisions)
      .values({ contributionId: c.id, themeId: input.themeId, number: version, items, createdBy: actor.userId });
    await tx
      .delete(contributionCitations)
      .where(and(eq(contributionCitations.contributionId, c.id), eq(contributionCitations.themeId, input.themeId)));
    const rows = items.flatMap((item, position) =>
      item.citations.map((submissionId) => ({ contributionId: c.id, themeId: input.themeId, position, submissionId })),
    );
    if (rows.length) await tx.insert(contributionCitations).values(rows);
    await tx.update(contributions).set({ updatedAt: now }).where(eq(contributions.id, c.id));
    await tx.insert(auditEvents).values({
      actorId: actor.userId,
      action: "contribution.sectionSaved",
      consultationId: input.consultationId,
      fromState: String(section.version),
      toState: String(version),
      note: `theme ${input.themeId}: ${items.length} items, ${cited.length} inputs cited`,
    });
    return { version };
  });
}

/**
 * A step of the workflow (CONTRIBUTION_TRANSITIONS), from the version the person saw. Submitting
 * needs at least one paragraph or recommendation; returning needs a comment (the schema checks it).
 */
export async function changeContributionStatus({
  actor,
  input,
}: {
  actor: Actor;
  input: ContributionStepInput;
}): Promise<{ version: number; status: ContributionStatus }> {
  const role = roleOf(actor, input.consultationId);
  if (!role) throw new NotFoundError();
  const t = CONTRIBUTION_TRANSITIONS[input.step];
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [c] = await tx
      .select()
      .from(contributions)
      .where(eq(contributions.consultationId, input.consultationId))
      .for("update");
    // The secretariat does not learn that a draft exists.
    if (!c || (role === "secretariat" && !SECRETARIAT_READS.includes(c.status))) throw new NotFoundError();
    if (!t.by.includes(role)) throw new DomainError("forbidden", 403);
    if (c.version !== input.version) throw new ConflictError("contributionConflict");
    if (!t.from.includes(c.status)) throw new DomainError("invalidTransition", 409);
    if (input.step === "submit") {
      const [row] = await tx
        .select({ n: sql<number>`coalesce(sum(jsonb_array_length(${contributionSections.items})), 0)::int` })
        .from(contributionSections)
        .where(eq(contributionSections.contributionId, c.id));
      if (!row?.n) throw new DomainError("contributionEmpty", 400);
    }
    const now = new Date();
    const version = c.version + 1;
    await tx
      .update(contributions)
      .set({
        status: t.to,
        version,
        updatedAt: now,
        ...(input.step === "submit" ? { submittedAt: now } : {}),
        ...(input.step === "finalise" ? { finalisedAt: now } : {}),
        ...(input.step === "return" ? { returnComment: input.comment ?? null } : {}),
      })
      .where(eq(contributions.id, c.id));
    await tx.insert(auditEvents).values({
      actorId: actor.userId,
      action: `contribution.${input.step}`,
      consultationId: input.consultationId,
      fromState: c.status,
      toState: t.to,
      note: input.comment ?? null,
    });
    return { version, status: t.to };
  });
}

export interface SectionRevision {
  number: number;
  createdAt: Date;
  by: string | null;
  items: ContributionItem[];
}

/** Every saved version of a theme's section, oldest first, for its history and differences. */
export async function listSectionRevisions({
  actor,
  consultationId,
  themeId,
}: {
  actor: Actor;
  consultationId: string;
  themeId: number;
}): Promise<SectionRevision[]> {
  await getContribution({ actor, consultationId, locale: actor.locale });
  const db = await getDb();
  const rows = await db
    .select({
      number: contributionRevisions.number,
      createdAt: contributionRevisions.createdAt,
      items: contributionRevisions.items,
      by: users.name,
      email: users.email,
    })
    .from(contributionRevisions)
    .innerJoin(contributions, eq(contributions.id, contributionRevisions.contributionId))
    .leftJoin(users, eq(users.id, contributionRevisions.createdBy))
    .where(and(eq(contributions.consultationId, consultationId), eq(contributionRevisions.themeId, themeId)))
    .orderBy(asc(contributionRevisions.number));
  return rows.map((r) => ({ number: r.number, createdAt: r.createdAt, by: r.by ?? r.email, items: r.items }));
}

export interface ContributionSummary {
  consultationId: string;
  slug: string;
  region: string;
  status: ContributionStatus;
  submittedAt: Date | null;
  finalisedAt: Date | null;
}

/**
 * The contributions the actor may read, by consultation: the secretariat's are those submitted,
 * returned or final; an anchor's, those of their consultations in any state.
 */
export async function listContributions({ actor }: { actor: Actor }): Promise<ContributionSummary[]> {
  const db = await getDb();
  const rows = await db
    .select({
      consultationId: consultations.id,
      slug: consultations.slug,
      region: consultations.region,
      sortOrder: consultations.sortOrder,
      status: contributions.status,
      submittedAt: contributions.submittedAt,
      finalisedAt: contributions.finalisedAt,
    })
    .from(contributions)
    .innerJoin(consultations, eq(consultations.id, contributions.consultationId))
    .orderBy(asc(consultations.sortOrder));
  return rows
    .filter((r) => isAnchorOf(actor, r.consultationId) || (actor.secretariat && SECRETARIAT_READS.includes(r.status)))
    .map((r) => ({
      consultationId: r.consultationId,
      slug: r.slug,
      region: r.region,
      status: r.status,
      submittedAt: r.submittedAt,
      finalisedAt: r.finalisedAt,
    }));
}
