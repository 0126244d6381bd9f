import "server-only";
// The audit log's rows: who did what to which record, written in the transaction of the change;
// and the export log's.
import { getDb, type DbOrTx } from "@/db/client";
import { auditEvents, exportLog, type Registration, type Submission } from "@/db/schema";

type AuditEntry = Omit<typeof auditEvents.$inferInsert, "id" | "actorId" | "createdAt">;

/** One row of the audit log, by actorId (null: the system), in the caller's transaction. */
export const recordAudit = (tx: DbOrTx, actorId: string | null, entry: AuditEntry) =>
  tx.insert(auditEvents).values({ actorId, ...entry });

/** What an audit row about an input names: its consultation, organisation and itself. */
export const aboutSubmission = (s: Pick<Submission, "id" | "consultationId" | "organisationId">) => ({
  consultationId: s.consultationId,
  organisationId: s.organisationId,
  submissionId: s.id,
});

/** What an audit row about a registration names: its consultation, organisation and itself. */
export const aboutRegistration = (r: Pick<Registration, "id" | "consultationId" | "organisationId">) => ({
  consultationId: r.consultationId,
  organisationId: r.organisationId,
  registrationId: r.id,
});

/** One row of the export log: who exported what (never the rows themselves). */
export async function logExport(
  actorId: string,
  entry: Omit<typeof exportLog.$inferInsert, "id" | "actorId" | "createdAt">,
) {
  const db = await getDb();
  await db.insert(exportLog).values({ actorId, ...entry });
}
