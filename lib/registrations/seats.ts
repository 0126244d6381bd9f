import "server-only";
// Seat accounting shared by the organisation's own registration (index.ts) and the anchors'
// decisions (moderation.ts): the consultation's row locked first, in-person seats counted, the
// waitlist offered freed seats, the organisation e-mailed of each new status.
import { and, asc, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { consultations, organisations, registrations, type Consultation, type RegistrationStatus } from "@/db/schema";
import { recordAudit, aboutRegistration } from "@/lib/audit";
import { dataChanged } from "@/lib/cache";
import { NotFoundError } from "@/lib/errors";
import { enqueueEmail, type EmailTemplate } from "@/lib/mail/outbox";
import { regionNameIn } from "@/lib/mail/regions";
import { appBaseUrl } from "@/lib/url";

// Every registration write locks its consultation first; the seats left that public pages show may
// change with it, and the overview's registration counts: every instance re-reads them at commit (lib/cache).
export async function lockConsultation(tx: Tx, consultationId: string): Promise<Consultation> {
  const [[c]] = await Promise.all([
    tx.select().from(consultations).where(eq(consultations.id, consultationId)).for("update"),
    dataChanged(tx, "public", "overview"),
  ]);
  if (!c) throw new NotFoundError();
  return c;
}

export async function confirmedSeats(tx: Tx, consultationId: string, excluding?: string): Promise<number> {
  const conds = [eq(registrations.consultationId, consultationId), eq(registrations.status, "confirmed")];
  if (excluding) conds.push(sql`${registrations.id} <> ${excluding}`);
  const [row] = await tx
    .select({ n: sql<number>`coalesce(sum(${registrations.inPersonSeats}), 0)::int` })
    .from(registrations)
    .where(and(...conds));
  return row?.n ?? 0;
}

export const fits = (c: Consultation, seats: number, taken: number) =>
  seats === 0 || c.inPersonCapacity === null || taken + seats <= c.inPersonCapacity;

const statusTemplate: Partial<Record<RegistrationStatus, EmailTemplate>> = {
  confirmed: "registrationConfirmed",
  waitlisted: "registrationWaitlisted",
  declined: "registrationDeclined",
  withdrawn: "registrationWithdrawn",
};

export async function notifyOrganisation(tx: Tx, c: Consultation, organisationId: string, status: RegistrationStatus) {
  const template = statusTemplate[status];
  if (!template) return;
  const [org] = await tx
    .select({ email: organisations.contactEmail, locale: organisations.locale, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  // An organisation an anchor created from a letter or a call may have no address.
  if (!org?.email) return;
  await enqueueEmail(tx, {
    to: org.email,
    organisationId,
    locale: org.locale,
    template,
    values: {
      organisation: org.name,
      region: await regionNameIn(org.locale, c.slug, c.region),
      url: `${await appBaseUrl()}/${org.locale}/consultations/${c.slug}/register`,
    },
  });
}

/** Seats freed: confirm waitlisted registrations that now fit, oldest first (a large delegation
 *  that does not fit does not block smaller ones behind it). */
export async function offerSeatsToWaitlist(tx: Tx, c: Consultation, actorId: string) {
  if (c.inPersonCapacity === null) return;
  let taken = await confirmedSeats(tx, c.id);
  const waiting = await tx
    .select()
    .from(registrations)
    .where(and(eq(registrations.consultationId, c.id), eq(registrations.status, "waitlisted")))
    .orderBy(asc(registrations.waitlistedAt), asc(registrations.createdAt))
    .for("update");
  for (const r of waiting) {
    if (!fits(c, r.inPersonSeats, taken)) continue;
    taken += r.inPersonSeats;
    await tx
      .update(registrations)
      .set({ status: "confirmed", version: r.version + 1, updatedAt: new Date() })
      .where(eq(registrations.id, r.id));
    await recordAudit(tx, actorId, {
      action: "registration.promote",
      ...aboutRegistration(r),
      fromState: "waitlisted",
      toState: "confirmed",
    });
    await notifyOrganisation(tx, c, r.organisationId, "confirmed");
  }
}

/** Seats freed by a registration that left (its organisation was deleted): offered to the
 *  waitlist as a withdrawal would, while the consultation is open. Runs in the caller's transaction. */
export async function offerFreedSeats(tx: Tx, consultationId: string, actorId: string): Promise<void> {
  const c = await lockConsultation(tx, consultationId);
  if (c.status === "open") await offerSeatsToWaitlist(tx, c, actorId);
}
