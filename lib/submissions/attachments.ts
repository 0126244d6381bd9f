import "server-only";
// An input's attached files once stored: the download, for the organisation's members, the
// consultation's anchors and the secretariat; and a member's removal of one while the input is open
// for changes.
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { attachments, submissions, type Attachment } from "@/db/schema";
import { canModerate, isMember, type Actor } from "@/lib/auth/actor";
import { DomainError, NotFoundError } from "@/lib/errors";
import { fileStore } from "@/lib/storage";
import { isOpenForChanges } from "./lifecycle";
import { lockOwned } from "./record";

/** Attachment bytes for those allowed: the organisation's members, the consultation's anchors, the secretariat. */
export async function getAttachmentForDownload({
  actor,
  attachmentId,
}: {
  actor: Actor;
  attachmentId: string;
}): Promise<{ attachment: Attachment; bytes: Uint8Array }> {
  const db = await getDb();
  const [row] = await db
    .select({ a: attachments, orgId: submissions.organisationId, consultationId: submissions.consultationId })
    .from(attachments)
    .innerJoin(submissions, eq(submissions.id, attachments.submissionId))
    .where(eq(attachments.id, attachmentId));
  if (!row || !(isMember(actor, row.orgId) || canModerate(actor, row.consultationId))) throw new NotFoundError();
  const bytes = await fileStore().get(row.a.storageKey);
  if (!bytes) throw new NotFoundError();
  return { attachment: row.a, bytes };
}

export async function removeAttachment({
  actor,
  attachmentId,
}: {
  actor: Actor;
  attachmentId: string;
}): Promise<string> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ a: attachments }).from(attachments).where(eq(attachments.id, attachmentId));
    if (!row) throw new NotFoundError();
    const s = await lockOwned(tx, actor, row.a.submissionId);
    if (!isOpenForChanges(s.status)) throw new DomainError("notEditable", 409);
    await tx.delete(attachments).where(eq(attachments.id, attachmentId));
    await fileStore().delete(tx, row.a.storageKey);
    return s.id;
  });
}
