import "server-only";
// The organisation's own data: its owner downloads all of it as one JSON document,
// and deletes all of it in one transaction. Only an owner of that organisation may do either.
import { and, asc, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import {
  attachments,
  auditEvents,
  consultations,
  emailOutbox,
  exportLog,
  invitations,
  memberships,
  organisations,
  participants,
  registrations,
  submissionRevisions,
  submissions,
  users,
} from "@/db/schema";
import { logExport } from "@/lib/audit";
import { recordAudit } from "@/lib/audit";
import { requireOwner, type Actor } from "@/lib/auth/actor";
import { DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { offerFreedSeats } from "@/lib/registrations";
import { fileStore } from "@/lib/storage";
import { publicDataChanged } from "@/lib/cache";

export const ORGANISATION_EXPORT_FORMAT = "gcm-organisation-export/1";

function omit<T extends object, K extends keyof T>(row: T, keys: readonly K[]): Omit<T, K> {
  const out = { ...row };
  for (const k of keys) delete out[k];
  return out;
}

// Moderators' decisions whose note is a message to the organisation (sent by e-mail or shown on its
// input). Other notes (keywords, internal notes) are the moderators' own and are not exported.
const MESSAGE_ACTIONS = new Set([
  "submission.requestChanges",
  "submission.reject",
  "submission.markDuplicate",
  "submission.edit",
]);

/**
 * All the organisation's data as a JSON document, streamed: attachments are read one at a time and
 * included base64-encoded, so memory stays bounded by the largest file. Refused (before any byte)
 * unless the actor owns the organisation. The export is logged without anything personal.
 */
export async function exportOrganisationData({
  actor,
  organisationId,
}: {
  actor: Actor;
  organisationId: string;
}): Promise<ReadableStream<Uint8Array>> {
  requireOwner(actor, organisationId);
  const db = await getDb();
  const [org] = await db.select().from(organisations).where(eq(organisations.id, organisationId));
  if (!org) throw new NotFoundError();
  await logExport(actor.userId, { consultationId: null, format: "json", kind: "organisation", filters: {} });

  async function* pieces(): AsyncGenerator<string> {
    const j = (v: unknown) => JSON.stringify(v);
    yield `{"format":${j(ORGANISATION_EXPORT_FORMAT)},"exportedAt":${j(new Date().toISOString())},"organisation":${j(org)}`;

    const members = await db
      .select({ name: users.name, email: users.email, role: memberships.role, memberSince: memberships.createdAt })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.organisationId, organisationId))
      .orderBy(asc(users.email));
    yield `,"members":${j(members)}`;

    const invs = await db
      .select({
        email: invitations.email,
        role: invitations.role,
        locale: invitations.locale,
        createdAt: invitations.createdAt,
        expiresAt: invitations.expiresAt,
        acceptedAt: invitations.acceptedAt,
      })
      .from(invitations)
      .where(eq(invitations.organisationId, organisationId))
      .orderBy(asc(invitations.createdAt));
    yield `,"invitations":${j(invs)}`;

    const regs = await db
      .select({ registration: registrations, consultation: consultations.slug })
      .from(registrations)
      .innerJoin(consultations, eq(consultations.id, registrations.consultationId))
      .where(eq(registrations.organisationId, organisationId))
      .orderBy(asc(registrations.createdAt));
    yield `,"registrations":[`;
    for (const [i, r] of regs.entries()) {
      const people = await db
        .select()
        .from(participants)
        .where(eq(participants.registrationId, r.registration.id))
        .orderBy(asc(participants.position));
      const registration = omit(r.registration, ["createdBy"]);
      yield `${i ? "," : ""}${j({ ...registration, consultation: r.consultation, participants: people.map((p) => omit(p, ["registrationId"])) })}`;
    }
    yield "]";

    const subs = await db
      .select({ submission: submissions, consultation: consultations.slug })
      .from(submissions)
      .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
      .where(eq(submissions.organisationId, organisationId))
      .orderBy(asc(submissions.createdAt));
    yield `,"submissions":[`;
    for (const [i, s] of subs.entries()) {
      // The search vector is derived from the text; the idempotency key and user ids are plumbing.
      const submission = omit(s.submission, ["search", "idempotencyKey", "createdBy", "enteredBy"]);
      const revisions = await db
        .select({
          number: submissionRevisions.number,
          content: submissionRevisions.content,
          createdAt: submissionRevisions.createdAt,
        })
        .from(submissionRevisions)
        .where(eq(submissionRevisions.submissionId, submission.id))
        .orderBy(asc(submissionRevisions.number));
      const history = await db
        .select({
          action: auditEvents.action,
          fromState: auditEvents.fromState,
          toState: auditEvents.toState,
          note: auditEvents.note,
          at: auditEvents.createdAt,
        })
        .from(auditEvents)
        .where(eq(auditEvents.submissionId, submission.id))
        .orderBy(asc(auditEvents.id));
      const files = await db
        .select()
        .from(attachments)
        .where(eq(attachments.submissionId, submission.id))
        .orderBy(asc(attachments.createdAt));
      const head = j({
        ...submission,
        consultation: s.consultation,
        revisions,
        history: history.map((h) => ({ ...h, note: MESSAGE_ACTIONS.has(h.action) ? h.note : null })),
      });
      yield `${i ? "," : ""}${head.slice(0, -1)},"attachments":[`;
      for (const [k, f] of files.entries()) {
        const bytes = await fileStore().get(f.storageKey);
        const meta = j({
          fileName: f.fileName,
          mediaType: f.mediaType,
          size: f.size,
          sha256: f.sha256,
          createdAt: f.createdAt,
        });
        const content = bytes ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64") : null;
        yield `${k ? "," : ""}${meta.slice(0, -1)},"contentBase64":${j(content)}}`;
      }
      yield "]}";
    }
    yield "]";

    const orgEvents = await db
      .select({
        action: auditEvents.action,
        fromState: auditEvents.fromState,
        toState: auditEvents.toState,
        at: auditEvents.createdAt,
      })
      .from(auditEvents)
      .where(and(eq(auditEvents.organisationId, organisationId), sql`${auditEvents.submissionId} is null`))
      .orderBy(asc(auditEvents.id));
    yield `,"organisationHistory":${j(orgEvents)}`;

    // E-mails about the organisation: who, what and when. Bodies are left out: they repeat data
    // above and may hold one-time links (invitations) meant only for their recipient.
    const mails = await db
      .select({
        to: emailOutbox.to,
        template: emailOutbox.template,
        subject: emailOutbox.subject,
        status: emailOutbox.status,
        createdAt: emailOutbox.createdAt,
        sentAt: emailOutbox.sentAt,
      })
      .from(emailOutbox)
      .where(eq(emailOutbox.organisationId, organisationId))
      .orderBy(asc(emailOutbox.id));
    yield `,"emails":${j(mails)}}\n`;
  }

  const encoder = new TextEncoder();
  const it = pieces();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await it.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await it.return(undefined);
    },
  });
}

/**
 * Deletes the organisation and everything stored about it, in one transaction: memberships,
 * invitations, registrations and participants, submissions with revisions, attachments and their
 * bytes, moderation notes and audit entries, and its e-mails (sent or pending). Seats it held are
 * offered to the waitlist. Members' own accounts remain (they are the persons'); with their
 * membership gone they lose access on their next request, since the actor is loaded per request.
 * `confirmName` must repeat the organisation's name.
 */
export async function deleteOrganisation({
  actor,
  organisationId,
  confirmName,
}: {
  actor: Actor;
  organisationId: string;
  confirmName: string;
}): Promise<void> {
  requireOwner(actor, organisationId);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [org] = await tx.select().from(organisations).where(eq(organisations.id, organisationId)).for("update");
    if (!org) throw new NotFoundError();
    // Its published inputs leave the public pages on every instance at commit.
    await publicDataChanged(tx);
    // The membership may have changed since the actor was loaded.
    const [own] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, actor.userId)));
    if (own?.role !== "owner") throw new ForbiddenError();
    if (confirmName.trim().normalize("NFC") !== org.name.trim().normalize("NFC"))
      throw new DomainError("nameMismatch", 400);

    const regs = await tx
      .select({ id: registrations.id, consultationId: registrations.consultationId, status: registrations.status })
      .from(registrations)
      .where(eq(registrations.organisationId, organisationId));
    // Consultations are locked before their registrations, as registering does, so no deadlock.
    const freed = [...new Set(regs.filter((r) => r.status === "confirmed").map((r) => r.consultationId))].sort();
    for (const c of freed)
      await tx.select({ id: consultations.id }).from(consultations).where(eq(consultations.id, c)).for("update");

    const subIds = (
      await tx.select({ id: submissions.id }).from(submissions).where(eq(submissions.organisationId, organisationId))
    ).map((s) => s.id);
    await deleteFiles(tx, subIds);
    // Audit rows about the organisation would only lose their link (ON DELETE SET NULL): remove them.
    const regIds = regs.map((r) => r.id);
    await tx
      .delete(auditEvents)
      .where(
        or(
          eq(auditEvents.organisationId, organisationId),
          subIds.length ? inArray(auditEvents.submissionId, subIds) : undefined,
          regIds.length ? inArray(auditEvents.registrationId, regIds) : undefined,
        ),
      );
    // Another organisation's input marked as a duplicate of one of ours keeps no link to it.
    if (subIds.length)
      await tx.update(submissions).set({ duplicateOfId: null }).where(inArray(submissions.duplicateOfId, subIds));
    await scrubExportLog(tx, [org.name, org.acronym]);
    // Cascades: memberships, invitations, registrations → participants, submissions → revisions,
    // attachments, internal notes; e-mails (email_outbox.organisation_id).
    await tx.delete(organisations).where(eq(organisations.id, organisationId));
    for (const c of freed) await offerFreedSeats(tx, c, actor.userId);
    // The record that a deletion happened, with nothing that names the organisation.
    await recordAudit(tx, actor.userId, { action: "organisation.delete" });
  });
}

async function deleteFiles(tx: Tx, submissionIds: string[]) {
  if (submissionIds.length === 0) return;
  const keys = await tx
    .select({ key: attachments.storageKey })
    .from(attachments)
    .where(inArray(attachments.submissionId, submissionIds));
  for (const { key } of keys) await fileStore().delete(tx, key);
}

/**
 * Export-log rows keep what was exported, not a search that named the organisation: a search text
 * (of 3 characters or more) that contains its name or acronym, or is part of one, is dropped.
 */
async function scrubExportLog(tx: Tx, names: (string | null)[]) {
  const q = sql`lower(${exportLog.filters}->>'q')`;
  for (const name of names) {
    if (!name || name.trim().length < 3) continue;
    const n = name.trim().toLowerCase();
    await tx
      .update(exportLog)
      .set({ filters: sql`${exportLog.filters} - 'q'` })
      .where(
        and(
          isNotNull(sql`${exportLog.filters}->>'q'`),
          sql`length(${q}) >= 3`,
          or(sql`strpos(${q}, ${n}) > 0`, sql`strpos(${n}, ${q}) > 0`),
        ),
      );
  }
}
