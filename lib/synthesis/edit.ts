import "server-only";
// The contribution's writes: a theme's section saved whole by an anchor (version-checked, its
// citations checked and indexed, a revision kept), and the workflow's steps (submit, return,
// finalise). Each is one transaction with its audit row.
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import {
  contributionCitations,
  contributionRevisions,
  contributionSections,
  contributions,
  submissions,
  type Contribution,
  type ContributionItem,
  type ContributionStatus,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { isAnchorOf, type Actor } from "@/lib/auth/actor";
import { publicDataChanged } from "@/lib/cache";
import { ConflictError, DomainError, NotFoundError } from "@/lib/errors";
import { CONTRIBUTION_TRANSITIONS, EDITABLE, SECRETARIAT_READS, roleOf } from "./lifecycle";
import { notReferencesIn, referencesIn, type ContributionStepInput, type SectionInput } from "./schemas";
import { themesOf, type ContributionView } from "./view";

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
    await recordAudit(tx, actor.userId, {
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
    await recordAudit(tx, actor.userId, {
      action: `contribution.${input.step}`,
      consultationId: input.consultationId,
      fromState: c.status,
      toState: t.to,
      note: input.comment ?? null,
    });
    // The public page shows a contribution once it is final.
    if (t.to === "final") await publicDataChanged(tx);
    return { version, status: t.to };
  });
}
