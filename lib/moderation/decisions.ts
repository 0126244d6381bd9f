import "server-only";
// Moderators' actions on an input. Each is one transaction: the change, its audit row and
// any e-mail. Each names the version it was decided on; a decision on a stale version is refused
// with what changed meanwhile, never applied over someone else's.
import { assertRoundTopics } from "@/lib/consultations/themes";
import { and, eq, inArray } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { consultations, internalNotes, memberships, organisations, submissions, type Submission } from "@/db/schema";
import { recordAudit, aboutSubmission } from "@/lib/audit";
import { canModerate, type Actor } from "@/lib/auth/actor";
import { submissionForModeration } from "./access";
import { auditLog } from "./detail";
import { DomainError, NotFoundError } from "@/lib/errors";
import { enqueueEmail } from "@/lib/mail/outbox";
import { regionNameIn } from "@/lib/mail/regions";
import { appBaseUrl } from "@/lib/url";
import type { BulkInput, ModerationActionInput } from "./schemas";
import { dataChanged } from "@/lib/cache";
import { canMove, TRANSITIONS, type SubmissionMove } from "@/lib/submissions/lifecycle";

/** The refusal for a stale version names the last change: who, when, from → to. */
async function staleError(tx: Tx, s: Submission): Promise<DomainError> {
  const [last] = await auditLog(tx, s.id, 1);
  return new DomainError("staleModeration", 409, {
    who: last?.by ?? "?",
    when: last?.createdAt.toISOString().slice(0, 16).replace("T", " ") ?? "",
    action: last?.action ?? "",
    from: last?.fromState ?? "",
    to: last?.toState ?? s.status,
  });
}

export async function moderate({
  actor,
  input,
}: {
  actor: Actor;
  input: ModerationActionInput;
}): Promise<{ version: number }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const s = await submissionForModeration(tx, actor, input.submissionId, { lock: true });
    if (s.version !== input.version) throw await staleError(tx, s);
    const now = new Date();
    const version = s.version + 1;
    // The change to the row, versioned, and its audit row (to the status it sets, else the same).
    const save = async (values: Partial<typeof submissions.$inferInsert>, note: string | null = null) => {
      await tx
        .update(submissions)
        .set({ ...values, version, updatedAt: now })
        .where(eq(submissions.id, s.id));
      await recordAudit(tx, actor.userId, {
        action: `submission.${input.action}`,
        ...aboutSubmission(s),
        fromState: s.status,
        toState: values.status ?? s.status,
        note,
      });
    };
    // Publish has a refusal of its own (below); tag and unpublish keep the status.
    if (input.action !== "publish" && input.action in TRANSITIONS && !canMove(input.action as SubmissionMove, s.status))
      throw new DomainError("invalidTransition", 409);

    switch (input.action) {
      case "accept":
        await save({ status: TRANSITIONS.accept.to });
        await emailOrganisation(tx, s, "submissionAccepted");
        break;
      case "requestChanges": {
        // An organisation created when its input came by e-mail, paper or voice has no account here:
        // nobody could make the changes, and the input would wait for ever. Said before anything is written.
        const [member] = await tx
          .select({ userId: memberships.userId })
          .from(memberships)
          .where(eq(memberships.organisationId, s.organisationId))
          .limit(1);
        if (!member) throw new DomainError("noOneToChange", 409);
        await save(
          { status: TRANSITIONS.requestChanges.to, moderatorMessage: input.message, publishedAt: null },
          input.message,
        );
        await emailOrganisation(tx, s, "changesRequested", { message: input.message });
        break;
      }
      case "reject":
        await save({ status: TRANSITIONS.reject.to, moderatorMessage: input.reason, publishedAt: null }, input.reason);
        break;
      case "markDuplicate": {
        const [original] = await tx
          .select({ id: submissions.id })
          .from(submissions)
          .where(and(eq(submissions.reference, input.duplicateOf), eq(submissions.consultationId, s.consultationId)));
        if (!original || original.id === s.id)
          throw new DomainError("duplicateNotFound", 400, { reference: input.duplicateOf });
        await save(
          { status: TRANSITIONS.markDuplicate.to, duplicateOfId: original.id, publishedAt: null },
          input.duplicateOf,
        );
        break;
      }
      case "tag": {
        await assertRoundTopics(tx, s.consultationId, input.themes);
        const themes = [...new Set([...s.themes, ...input.themes])].sort((a, b) => a - b);
        const keywords = [...new Set([...s.keywords, ...input.keywords])];
        await save(
          { themes, keywords },
          [
            input.themes.length ? `themes ${input.themes.join(",")}` : "",
            input.keywords.length ? `keywords ${input.keywords.join(",")}` : "",
          ]
            .filter(Boolean)
            .join("; ") || null,
        );
        break;
      }
      case "publish":
        // Only as the organisation chose: named or anonymous; never when it chose not to be published.
        if (!canMove("publish", s.status)) throw new DomainError("publishOnlyAccepted", 409);
        if (s.publication === "none") throw new DomainError("publishNotConsented", 409);
        await save({ publishedAt: now }, s.publication);
        await emailOrganisation(tx, s, "submissionPublished");
        break;
      case "unpublish":
        await save({ publishedAt: null });
        break;
    }
    // The overview's counts changed; a published input changed (or left, or joined the public
    // pages): every instance re-reads them.
    await (s.publishedAt !== null || input.action === "publish"
      ? dataChanged(tx, "overview", "public")
      : dataChanged(tx, "overview"));
    return { version };
  });
}

/**
 * The organisation hears of each decision that concerns it, in its own language, in the decision's
 * transaction: changes requested (with the message), accepted, published (with the public page).
 */
async function emailOrganisation(
  tx: Tx,
  s: Submission,
  template: "changesRequested" | "submissionAccepted" | "submissionPublished",
  extra: Record<string, string> = {},
) {
  const [row] = await tx
    .select({
      email: organisations.contactEmail,
      locale: organisations.locale,
      slug: consultations.slug,
      region: consultations.region,
    })
    .from(organisations)
    .innerJoin(consultations, eq(consultations.id, s.consultationId))
    .where(eq(organisations.id, s.organisationId));
  // An organisation an anchor created from a letter or a call may have no address.
  if (!row?.email) return;
  const base = await appBaseUrl();
  await enqueueEmail(tx, {
    to: row.email,
    organisationId: s.organisationId,
    locale: row.locale,
    template,
    values: {
      reference: s.reference ?? "",
      title: s.title,
      region: await regionNameIn(row.locale, row.slug, row.region),
      url: `${base}/${row.locale}/submissions/${s.id}`,
      publicUrl: `${base}/${row.locale}/inputs/${encodeURIComponent(s.reference ?? "")}`,
      ...extra,
    },
  });
}

export async function addInternalNote({
  actor,
  submissionId,
  body,
}: {
  actor: Actor;
  submissionId: string;
  body: string;
}): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const s = await submissionForModeration(tx, actor, submissionId, { lock: true });
    await tx.insert(internalNotes).values({ submissionId: s.id, authorId: actor.userId, body });
    await recordAudit(tx, actor.userId, {
      action: "submission.note",
      ...aboutSubmission(s),
    });
  });
}

/**
 * Bulk accept, request changes or do not accept (one message to every organisation, each e-mailed on
 * its own), or add a keyword: each row checked, versioned, audited and e-mailed on its own.
 */
export async function bulkModerate({
  actor,
  input,
}: {
  actor: Actor;
  input: BulkInput;
}): Promise<{ done: number; skipped: number }> {
  if (!canModerate(actor, input.consultationId)) throw new NotFoundError();
  let done = 0;
  let skipped = 0;
  // Only rows of the consultation the bulk action was made for (even for the secretariat).
  const db = await getDb();
  const ids = input.selected.map((item) => item.split(":")[0]!);
  const inScope = new Set(
    (
      await db
        .select({ id: submissions.id })
        .from(submissions)
        .where(and(inArray(submissions.id, ids), eq(submissions.consultationId, input.consultationId)))
    ).map((r) => r.id),
  );
  for (const item of input.selected) {
    const [id, v] = item.split(":") as [string, string];
    if (!inScope.has(id)) {
      skipped++;
      continue;
    }
    try {
      const version = Number(v);
      const message = input.message ?? "";
      if (input.action === "accept") await moderate({ actor, input: { action: "accept", submissionId: id, version } });
      else if (input.action === "requestChanges")
        await moderate({ actor, input: { action: "requestChanges", submissionId: id, version, message } });
      else if (input.action === "reject")
        await moderate({ actor, input: { action: "reject", submissionId: id, version, reason: message } });
      else
        await moderate({
          actor,
          input: {
            action: "tag",
            submissionId: id,
            version,
            themes: [],
            keywords: input.keyword ? [input.keyword.toLowerCase()] : [],
          },
        });
      done++;
    } catch (e) {
      if (e instanceof DomainError) skipped++;
      else throw e;
    }
  }
  return { done, skipped };
}
