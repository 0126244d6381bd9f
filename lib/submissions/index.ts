import "server-only";
// The organisation's own inputs: drafts, submitting, editing, withdrawing, its lists and files.
// Drafts belong to the organisation; submitting gives a reference per consultation from a counter
// on the consultation row (locked, so references are unique and never reused); one idempotency key
// per form instance makes retries and double clicks create one row. What is shared with the
// anchors' entry on an organisation's behalf is in record.ts, that entry in behalf.ts, which status
// may become which in lifecycle.ts, the organisation's lists and views of its inputs in own.ts and
// the stored files' download and removal in attachments.ts (re-exported here).
import { eq, max } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  attachments,
  consultations,
  organisations,
  submissionRevisions,
  submissions,
  type Submission,
} from "@/db/schema";
import { recordAudit, aboutSubmission } from "@/lib/audit";
import { isMember, type Actor } from "@/lib/auth/actor";
import { assertRoundTopics } from "@/lib/consultations/themes";
import { ConflictError, DomainError, NotFoundError } from "@/lib/errors";
import { fileStore } from "@/lib/storage";
import { canMove, TRANSITIONS } from "./lifecycle";
import {
  addFiles,
  assertBeforeDeadline,
  insertSubmitted,
  lockOwned,
  pickContent,
  recordSubmitted,
  retryOnceOnUniqueViolation,
  startReceiptReads,
  takeNextNumber,
  type Recording,
  type UploadedFile,
} from "./record";
import type { DraftInput, SubmissionContent, SubmissionInput } from "./schemas";

export { getAttachmentForDownload, removeAttachment } from "./attachments";
export { contentOf, type OnBehalf, type Recording, type UploadedFile } from "./record";
export {
  getOrganisationForBehalf,
  ORGANISATION_SEARCH_PAGE,
  searchOrganisationsForBehalf,
  submitOnBehalf,
  type OrganisationMatch,
} from "./behalf";
export { EDITABLE } from "./lifecycle";
export {
  getOwnSubmission,
  listDrafts,
  listOwnSubmissions,
  OWN_SUBMISSIONS_PAGE_SIZE,
  type OwnSubmission,
  type OwnSubmissionRow,
} from "./own";

/** Saves a draft (explicitly or by autosave). Two members saving from one version: the second gets a conflict. */
export async function saveDraft({
  actor,
  input,
  files = [],
}: {
  actor: Actor;
  input: DraftInput;
  files?: UploadedFile[];
}): Promise<{ id: string; version: number }> {
  if (!isMember(actor, input.organisationId)) throw new NotFoundError();
  const db = await getDb();
  const attempt = () =>
    db.transaction(async (tx) => {
      const [c] = await tx.select().from(consultations).where(eq(consultations.id, input.consultationId));
      if (!c || c.status === "draft") throw new NotFoundError();
      await assertRoundTopics(tx, c.id, input.themes);
      let target: Submission | undefined;
      if (input.submissionId) target = await lockOwned(tx, actor, input.submissionId);
      else {
        // A retried first save (the answer was lost) finds the row its key created.
        const [byKey] = await tx
          .select()
          .from(submissions)
          .where(eq(submissions.idempotencyKey, input.idempotencyKey))
          .for("update");
        if (byKey && !isMember(actor, byKey.organisationId)) throw new NotFoundError();
        target = byKey;
        if (target && target.status === "draft" && input.version === 0) input = { ...input, version: target.version };
      }
      if (target) {
        if (target.organisationId !== input.organisationId || target.consultationId !== input.consultationId)
          throw new NotFoundError();
        if (target.status !== "draft")
          throw new DomainError("alreadySubmitted", 409, { reference: target.reference ?? "" });
        if (target.version !== input.version) throw new ConflictError("staleDraft");
        const version = target.version + 1;
        await tx
          .update(submissions)
          .set({ ...pickContent(input), version, updatedAt: new Date() })
          .where(eq(submissions.id, target.id));
        await addFiles(tx, actor, target.id, files);
        return { id: target.id, version };
      }
      const [row] = await tx
        .insert(submissions)
        .values({
          consultationId: c.id,
          organisationId: input.organisationId,
          ...pickContent(input),
          idempotencyKey: input.idempotencyKey,
          createdBy: actor.userId,
        })
        .returning({ id: submissions.id, version: submissions.version });
      if (!row) throw new Error("draft not created");
      await addFiles(tx, actor, row.id, files);
      return row;
    });
  // Two first saves of one form raced (autosave and a click): the loser's insert hit the unique
  // key; run again, it finds the winner's row by that key, as a retried first save does.
  return retryOnceOnUniqueViolation(attempt);
}

/** Submits: validates the deadline, gives the reference, stores revision 1, e-mails the receipt. */
export async function submitSubmission({
  actor,
  input,
  files = [],
  now = new Date(),
}: Recording & { input: SubmissionInput }): Promise<{ id: string; reference: string; replayed: boolean }> {
  if (!isMember(actor, input.organisationId)) throw new NotFoundError();
  const db = await getDb();
  const attempt = () =>
    db.transaction(async (tx) => {
      // Both reads go out together (postgres.js pipelines queries on the transaction's connection);
      // the organisation's contact is read before the consultation's row is locked, as every
      // submission to it waits for that lock.
      const [[byKey], [org]] = await Promise.all([
        tx.select().from(submissions).where(eq(submissions.idempotencyKey, input.idempotencyKey)).for("update"),
        tx
          .select({ email: organisations.contactEmail, locale: organisations.locale })
          .from(organisations)
          .where(eq(organisations.id, input.organisationId)),
      ]);
      if (byKey) {
        if (!isMember(actor, byKey.organisationId)) throw new NotFoundError();
        // The same form sent again (double click, retry, back-and-resubmit): the one submission.
        if (byKey.status !== "draft" && byKey.reference)
          return { id: byKey.id, reference: byKey.reference, replayed: true };
      }
      let draft: Submission | undefined = byKey;
      if (input.submissionId && input.submissionId !== byKey?.id)
        draft = await lockOwned(tx, actor, input.submissionId);
      if (draft) {
        if (draft.organisationId !== input.organisationId || draft.consultationId !== input.consultationId)
          throw new NotFoundError();
        if (!canMove("submit", draft.status)) return { id: draft.id, reference: draft.reference ?? "", replayed: true };
        if (input.submissionId && draft.version !== input.version) throw new ConflictError("staleDraft");
      }
      const content = pickContent(input);
      // A new input (no draft): the number and the row go out together (in this order, on the
      // transaction's connection), the reference made from the number by PostgreSQL: one round trip
      // fewer while the consultation's row is locked. The checks on the consultation follow and,
      // when they fail, roll both back.
      const numbered = takeNextNumber(tx, input.consultationId);
      const inserted = draft
        ? undefined
        : insertSubmitted(tx, {
            actor,
            consultationId: input.consultationId,
            organisationId: input.organisationId,
            content,
            idempotencyKey: input.idempotencyKey,
            now,
          });
      inserted?.catch(() => {}); // judged below, after the consultation
      // With them, the topics' check and the receipt's reads: one round trip for all four.
      const early = startReceiptReads(tx, {
        actor,
        consultationId: input.consultationId,
        organisationId: input.organisationId,
        org,
        content,
      });
      const c = await numbered;
      if (!c) throw new NotFoundError();
      await assertBeforeDeadline(c, actor, now);
      const r = await recordSubmitted(tx, {
        actor,
        consultation: c,
        organisationId: input.organisationId,
        org,
        content,
        idempotencyKey: input.idempotencyKey,
        files,
        now,
        draft,
        inserted: await inserted,
        early,
      });
      return { ...r, replayed: false };
    });
  return retryOnceOnUniqueViolation(attempt);
}

/** After submitting: edits while submitted or changes requested and before the deadline; each is a revision. */
export async function editSubmission({
  actor,
  submissionId,
  version,
  content,
  files = [],
  now = new Date(),
}: Recording & { submissionId: string; version: number; content: SubmissionContent }): Promise<{
  version: number;
  revision: number;
}> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const s = await lockOwned(tx, actor, submissionId);
    if (!canMove("edit", s.status)) throw new DomainError("notEditable", 409);
    const [c] = await tx.select().from(consultations).where(eq(consultations.id, s.consultationId));
    await assertBeforeDeadline(c!, actor, now);
    if (s.version !== version) throw new ConflictError("staleSubmission");
    await assertRoundTopics(tx, s.consultationId, content.themes);
    const [last] = await tx
      .select({ n: max(submissionRevisions.number) })
      .from(submissionRevisions)
      .where(eq(submissionRevisions.submissionId, s.id));
    const revision = (last?.n ?? 0) + 1;
    const next = pickContent(content);
    await tx
      .update(submissions)
      .set({ ...next, status: TRANSITIONS.edit.to, version: s.version + 1, updatedAt: now })
      .where(eq(submissions.id, s.id));
    await tx
      .insert(submissionRevisions)
      .values({ submissionId: s.id, number: revision, content: next, createdBy: actor.userId });
    await addFiles(tx, actor, s.id, files);
    await recordAudit(tx, actor.userId, {
      action: "submission.edit",
      ...aboutSubmission(s),
      fromState: s.status,
      toState: TRANSITIONS.edit.to,
      note: `revision ${revision}`,
    });
    return { version: s.version + 1, revision };
  });
}

/** Withdraws a submitted input, or discards a draft. */
export async function withdrawSubmission({
  actor,
  submissionId,
  version,
}: {
  actor: Actor;
  submissionId: string;
  version: number;
}): Promise<"withdrawn" | "discarded"> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const s = await lockOwned(tx, actor, submissionId);
    if (s.version !== version) throw new ConflictError("staleSubmission");
    if (canMove("discard", s.status)) {
      const files = await tx.select().from(attachments).where(eq(attachments.submissionId, s.id));
      for (const f of files) await fileStore().delete(tx, f.storageKey);
      await tx.delete(submissions).where(eq(submissions.id, s.id));
      return "discarded" as const;
    }
    if (!canMove("withdraw", s.status)) throw new DomainError("notEditable", 409);
    await tx
      .update(submissions)
      .set({ status: TRANSITIONS.withdraw.to, publishedAt: null, version: s.version + 1, updatedAt: new Date() })
      .where(eq(submissions.id, s.id));
    await recordAudit(tx, actor.userId, {
      action: "submission.withdraw",
      ...aboutSubmission(s),
      fromState: s.status,
      toState: TRANSITIONS.withdraw.to,
    });
    return "withdrawn" as const;
  });
}
