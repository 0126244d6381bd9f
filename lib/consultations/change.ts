import "server-only";
// The one way a consultation's row is changed, shared by the secretariat's consultation form
// (./admin.ts) and a round's consultation details (lib/rounds/admin.ts). A module of its own, so
// that the rounds do not import the invitations and the mail outbox with the consultation forms.
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { consultations, type Consultation } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/errors";

/**
 * The secretariat's change to a consultation from a form of its version (a stale form is refused
 * rather than overwrite someone else's change): the row locked, `values(row)` saved, the version
 * counted on. Returns the row as it was.
 */
export async function changeConsultation(
  tx: Tx,
  form: { consultationId: string; version: number },
  values: (c: Consultation) => Partial<typeof consultations.$inferInsert>,
): Promise<Consultation> {
  const [c] = await tx.select().from(consultations).where(eq(consultations.id, form.consultationId)).for("update");
  if (!c) throw new NotFoundError();
  if (c.version !== form.version) throw new ConflictError("staleConsultation");
  await tx
    .update(consultations)
    .set({ ...values(c), version: c.version + 1, updatedAt: new Date() })
    .where(eq(consultations.id, c.id));
  return c;
}
