import "server-only";
// An organisation's own registration for a consultation: one per organisation and consultation,
// 1–N participants, in-person seats limited. Seat accounting (seats.ts) locks the consultation row,
// so two organisations racing for the last seat are served one after the other and cannot both get
// it. The anchors' side is in moderation.ts.
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  participants,
  registrations,
  type Consultation,
  type Participant,
  type Registration,
  type RegistrationStatus,
} from "@/db/schema";
import { recordAudit, aboutRegistration } from "@/lib/audit";
import { isMember, type Actor } from "@/lib/auth/actor";
import { registrationPhase } from "@/lib/consultations/phase";
import { ConflictError, DomainError, NotFoundError } from "@/lib/errors";
import { deadlineInZone } from "@/lib/i18n/zones";
import type { RegistrationInput } from "./schemas";
import { confirmedSeats, fits, lockConsultation, notifyOrganisation, offerSeatsToWaitlist } from "./seats";

export { offerFreedSeats } from "./seats";
export {
  decideRegistration,
  listRegistrationsForModeration,
  participantsForExport,
  REGISTRATIONS_PAGE_SIZE,
  type ParticipantExportRow,
  type RegistrationRow,
} from "./moderation";

export interface RegistrationWithParticipants {
  registration: Registration;
  participants: Participant[];
}

async function assertOpenForRegistration(c: Consultation, actor: Actor, now: Date): Promise<void> {
  const phase = registrationPhase(c, now);
  if (phase === "closed") throw new DomainError("consultationClosed", 409);
  if (phase === "registration_closed")
    throw new DomainError("registrationClosed", 409, await deadlineInZone(actor.locale, c.registrationDeadline!, c));
}

export async function getOwnRegistration({
  actor,
  consultationId,
  organisationId,
}: {
  actor: Actor;
  consultationId: string;
  organisationId: string;
}): Promise<RegistrationWithParticipants | null> {
  if (!isMember(actor, organisationId)) throw new NotFoundError();
  const db = await getDb();
  const [registration] = await db
    .select()
    .from(registrations)
    .where(and(eq(registrations.consultationId, consultationId), eq(registrations.organisationId, organisationId)));
  if (!registration) return null;
  const ps = await db
    .select()
    .from(participants)
    .where(eq(participants.registrationId, registration.id))
    .orderBy(asc(participants.position));
  return { registration, participants: ps };
}

export interface OwnRegistrationRow {
  consultationId: string;
  status: RegistrationStatus;
  participants: number;
  updatedAt: Date;
}

/** An organisation's registrations, one per consultation at most, for its members' overview. */
export async function listOwnRegistrations({
  actor,
  organisationId,
}: {
  actor: Actor;
  organisationId: string;
}): Promise<OwnRegistrationRow[]> {
  if (!isMember(actor, organisationId)) throw new NotFoundError();
  const db = await getDb();
  return db
    .select({
      consultationId: registrations.consultationId,
      status: registrations.status,
      participants: sql<number>`count(${participants.id})::int`,
      updatedAt: registrations.updatedAt,
    })
    .from(registrations)
    .leftJoin(participants, eq(participants.registrationId, registrations.id))
    .where(eq(registrations.organisationId, organisationId))
    .groupBy(registrations.id);
}

/** Creates or edits the organisation's registration; returns its status after seat accounting. */
export async function saveRegistration({
  actor,
  input,
  now = new Date(),
}: {
  actor: Actor;
  input: RegistrationInput;
  now?: Date;
}): Promise<{ id: string; status: RegistrationStatus }> {
  if (!isMember(actor, input.organisationId)) throw new NotFoundError();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const c = await lockConsultation(tx, input.consultationId);
    await assertOpenForRegistration(c, actor, now);
    const [existing] = await tx
      .select()
      .from(registrations)
      .where(and(eq(registrations.consultationId, c.id), eq(registrations.organisationId, input.organisationId)))
      .for("update");
    if (existing && existing.version !== input.version) throw new ConflictError("staleRegistration");
    if (!existing && input.version !== 0) throw new ConflictError("staleRegistration");
    if (existing?.status === "declined") throw new DomainError("registrationDeclined", 409);

    const seats = input.participants.filter((p) => p.attendance === "in_person").length;
    const taken = await confirmedSeats(tx, c.id, existing?.id);
    const wasHolding = existing?.status === "confirmed";
    let status: RegistrationStatus;
    let waitlistedAt: Date | null = null;
    if (fits(c, seats, taken)) status = "confirmed";
    else {
      status = "waitlisted";
      waitlistedAt = existing?.status === "waitlisted" && existing.waitlistedAt ? existing.waitlistedAt : now;
    }

    let id: string;
    if (existing) {
      id = existing.id;
      await tx
        .update(registrations)
        .set({
          status,
          inPersonSeats: seats,
          waitlistedAt,
          consentAt: now,
          version: existing.version + 1,
          updatedAt: now,
        })
        .where(eq(registrations.id, id));
      await tx.delete(participants).where(eq(participants.registrationId, id));
    } else {
      const [row] = await tx
        .insert(registrations)
        .values({
          consultationId: c.id,
          organisationId: input.organisationId,
          status,
          inPersonSeats: seats,
          waitlistedAt,
          consentAt: now,
          createdBy: actor.userId,
        })
        .returning({ id: registrations.id });
      if (!row) throw new Error("registration not created");
      id = row.id;
    }
    await tx.insert(participants).values(
      input.participants.map((p, position) => ({
        registrationId: id,
        position,
        name: p.name,
        title: p.title ?? null,
        email: p.email,
        attendance: p.attendance,
        visaLetter: p.visaLetter,
        nationality: p.visaLetter ? (p.nationality ?? null) : null,
        accessibility: p.accessibility ?? null,
        interpretationLanguage: p.interpretationLanguage ?? null,
        dietary: p.dietary ?? null,
        travelSupport: p.travelSupport,
        travelSupportReason: p.travelSupport ? (p.travelSupportReason ?? null) : null,
      })),
    );
    await recordAudit(tx, actor.userId, {
      action: existing ? "registration.update" : "registration.create",
      consultationId: c.id,
      organisationId: input.organisationId,
      registrationId: id,
      fromState: existing?.status ?? null,
      toState: status,
    });
    if (existing?.status !== status) await notifyOrganisation(tx, c, input.organisationId, status);
    if (wasHolding && (status !== "confirmed" || seats < (existing?.inPersonSeats ?? 0)))
      await offerSeatsToWaitlist(tx, c, actor.userId);
    return { id, status };
  });
}

export async function withdrawRegistration({
  actor,
  registrationId,
  version,
  now = new Date(),
}: {
  actor: Actor;
  registrationId: string;
  version: number;
  now?: Date;
}): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [peek] = await tx.select().from(registrations).where(eq(registrations.id, registrationId));
    if (!peek || !isMember(actor, peek.organisationId)) throw new NotFoundError();
    const c = await lockConsultation(tx, peek.consultationId);
    await assertOpenForRegistration(c, actor, now);
    const [r] = await tx.select().from(registrations).where(eq(registrations.id, registrationId)).for("update");
    if (!r) throw new NotFoundError();
    if (r.version !== version) throw new ConflictError("staleRegistration");
    if (r.status === "withdrawn") return;
    await tx
      .update(registrations)
      .set({ status: "withdrawn", waitlistedAt: null, version: r.version + 1, updatedAt: now })
      .where(eq(registrations.id, r.id));
    await recordAudit(tx, actor.userId, {
      action: "registration.withdraw",
      ...aboutRegistration(r),
      fromState: r.status,
      toState: "withdrawn",
    });
    await notifyOrganisation(tx, c, r.organisationId, "withdrawn");
    if (r.status === "confirmed") await offerSeatsToWaitlist(tx, c, actor.userId);
  });
}
