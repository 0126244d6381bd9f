import "server-only";
// Registration for a consultation (SPEC §B): one per organisation and consultation, 1–N participants,
// in-person seats limited. Seat accounting locks the consultation row, so two organisations racing
// for the last seat are served one after the other and cannot both get it.
import { and, asc, count, desc, eq, sql, type SQL } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import {
  auditEvents,
  consultations,
  organisations,
  participants,
  registrations,
  type Consultation,
  type Participant,
  type Registration,
  type RegistrationStatus,
} from "@/db/schema";
import { canModerate, isMember, type Actor } from "@/lib/auth/actor";
import { ConflictError, DomainError, NotFoundError } from "@/lib/errors";
import { enqueueEmail, type EmailTemplate } from "@/lib/mail/outbox";
import { regionNameIn } from "@/lib/mail/regions";
import { appBaseUrl } from "@/lib/url";
import type { RegistrationDecisionInput, RegistrationFilters, RegistrationInput } from "./schemas";
import { dataChanged } from "@/lib/cache";
import { deadlineInZone } from "@/lib/i18n/zones";

export const REGISTRATIONS_PAGE_SIZE = 50;

export interface RegistrationWithParticipants {
  registration: Registration;
  participants: Participant[];
}

// Every registration write locks its consultation first; the seats left that public pages show may
// change with it, and the overview's registration counts: every instance re-reads them at commit (lib/cache).
async function lockConsultation(tx: Tx, consultationId: string): Promise<Consultation> {
  const [[c]] = await Promise.all([tx.select().from(consultations).where(eq(consultations.id, consultationId)).for("update"), dataChanged(tx, "public", "overview")]);
  if (!c) throw new NotFoundError();
  return c;
}

async function confirmedSeats(tx: Tx, consultationId: string, excluding?: string): Promise<number> {
  const conds = [eq(registrations.consultationId, consultationId), eq(registrations.status, "confirmed")];
  if (excluding) conds.push(sql`${registrations.id} <> ${excluding}`);
  const [row] = await tx.select({ n: sql<number>`coalesce(sum(${registrations.inPersonSeats}), 0)::int` }).from(registrations).where(and(...conds));
  return row?.n ?? 0;
}

const fits = (c: Consultation, seats: number, taken: number) => seats === 0 || c.inPersonCapacity === null || taken + seats <= c.inPersonCapacity;

async function assertOpenForRegistration(c: Consultation, actor: Actor, now: Date): Promise<void> {
  if (c.status !== "open") throw new DomainError("consultationClosed", 409);
  if (c.registrationDeadline && now >= c.registrationDeadline) {
    throw new DomainError("registrationClosed", 409, await deadlineInZone(actor.locale, c.registrationDeadline, c));
  }
}

const statusTemplate: Partial<Record<RegistrationStatus, EmailTemplate>> = {
  confirmed: "registrationConfirmed",
  waitlisted: "registrationWaitlisted",
  declined: "registrationDeclined",
  withdrawn: "registrationWithdrawn",
};

async function notifyOrganisation(tx: Tx, c: Consultation, organisationId: string, status: RegistrationStatus) {
  const template = statusTemplate[status];
  if (!template) return;
  const [org] = await tx.select({ email: organisations.contactEmail, locale: organisations.locale, name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId));
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
async function offerSeatsToWaitlist(tx: Tx, c: Consultation, actorId: string) {
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
    await tx.update(registrations).set({ status: "confirmed", version: r.version + 1, updatedAt: new Date() }).where(eq(registrations.id, r.id));
    await tx.insert(auditEvents).values({ actorId, action: "registration.promote", consultationId: c.id, organisationId: r.organisationId, registrationId: r.id, fromState: "waitlisted", toState: "confirmed" });
    await notifyOrganisation(tx, c, r.organisationId, "confirmed");
  }
}

/** Seats freed by a registration that left (its organisation was deleted): offered to the
 *  waitlist as a withdrawal would, while the consultation is open. Runs in the caller's transaction. */
export async function offerFreedSeats(tx: Tx, consultationId: string, actorId: string): Promise<void> {
  const c = await lockConsultation(tx, consultationId);
  if (c.status === "open") await offerSeatsToWaitlist(tx, c, actorId);
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
  const ps = await db.select().from(participants).where(eq(participants.registrationId, registration.id)).orderBy(asc(participants.position));
  return { registration, participants: ps };
}

export interface OwnRegistrationRow {
  consultationId: string;
  status: RegistrationStatus;
  participants: number;
  updatedAt: Date;
}

/** An organisation's registrations, one per consultation at most, for its members' overview. */
export async function listOwnRegistrations({ actor, organisationId }: { actor: Actor; organisationId: string }): Promise<OwnRegistrationRow[]> {
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
export async function saveRegistration({ actor, input, now = new Date() }: { actor: Actor; input: RegistrationInput; now?: Date }): Promise<{ id: string; status: RegistrationStatus }> {
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
        .set({ status, inPersonSeats: seats, waitlistedAt, consentAt: now, version: existing.version + 1, updatedAt: now })
        .where(eq(registrations.id, id));
      await tx.delete(participants).where(eq(participants.registrationId, id));
    } else {
      const [row] = await tx
        .insert(registrations)
        .values({ consultationId: c.id, organisationId: input.organisationId, status, inPersonSeats: seats, waitlistedAt, consentAt: now, createdBy: actor.userId })
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
    await tx.insert(auditEvents).values({
      actorId: actor.userId,
      action: existing ? "registration.update" : "registration.create",
      consultationId: c.id,
      organisationId: input.organisationId,
      registrationId: id,
      fromState: existing?.status ?? null,
      toState: status,
    });
    if (existing?.status !== status) await notifyOrganisation(tx, c, input.organisationId, status);
    if (wasHolding && (status !== "confirmed" || seats < (existing?.inPersonSeats ?? 0))) await offerSeatsToWaitlist(tx, c, actor.userId);
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
    await tx.update(registrations).set({ status: "withdrawn", waitlistedAt: null, version: r.version + 1, updatedAt: now }).where(eq(registrations.id, r.id));
    await tx.insert(auditEvents).values({ actorId: actor.userId, action: "registration.withdraw", consultationId: c.id, organisationId: r.organisationId, registrationId: r.id, fromState: r.status, toState: "withdrawn" });
    await notifyOrganisation(tx, c, r.organisationId, "withdrawn");
    if (r.status === "confirmed") await offerSeatsToWaitlist(tx, c, actor.userId);
  });
}

// ---------------------------------------------------------------- anchors (own consultation) and secretariat

export interface RegistrationRow {
  registration: Registration;
  organisation: { id: string; name: string; country: string; type: string; verified: boolean };
  participants: Participant[];
}

function filterConditions(consultationId: string, f: RegistrationFilters): SQL[] {
  const conds: SQL[] = [eq(registrations.consultationId, consultationId)];
  if (f.status) conds.push(eq(registrations.status, f.status));
  const hasParticipant = (cond: SQL) =>
    sql`exists (select 1 from ${participants} where ${participants.registrationId} = ${registrations.id} and ${cond})`;
  if (f.attendance) conds.push(hasParticipant(sql`${participants.attendance} = ${f.attendance}`));
  if (f.need === "visa") conds.push(hasParticipant(sql`${participants.visaLetter}`));
  if (f.need === "travel") conds.push(hasParticipant(sql`${participants.travelSupport}`));
  if (f.need === "accessibility") conds.push(hasParticipant(sql`${participants.accessibility} is not null`));
  if (f.need === "interpretation") conds.push(hasParticipant(sql`${participants.interpretationLanguage} is not null`));
  if (f.need === "dietary") conds.push(hasParticipant(sql`${participants.dietary} is not null`));
  return conds;
}

export async function listRegistrationsForModeration({
  actor,
  consultationId,
  filters,
}: {
  actor: Actor;
  consultationId: string;
  filters: RegistrationFilters;
}): Promise<{ rows: RegistrationRow[]; total: number; page: number; pageSize: number; seatsTaken: number; capacity: number | null }> {
  if (!canModerate(actor, consultationId)) throw new NotFoundError();
  const db = await getDb();
  const [c] = await db.select().from(consultations).where(eq(consultations.id, consultationId));
  if (!c) throw new NotFoundError();
  const conds = filterConditions(consultationId, filters);
  const page = filters.page ?? 1;
  const [totalRow] = await db.select({ n: count() }).from(registrations).where(and(...conds));
  const regs = await db
    .select({ registration: registrations, org: organisations })
    .from(registrations)
    .innerJoin(organisations, eq(organisations.id, registrations.organisationId))
    .where(and(...conds))
    .orderBy(desc(registrations.updatedAt), asc(registrations.id))
    .limit(REGISTRATIONS_PAGE_SIZE)
    .offset((page - 1) * REGISTRATIONS_PAGE_SIZE);
  const ids = regs.map((r) => r.registration.id);
  const ps = ids.length
    ? await db.select().from(participants).where(sql`${participants.registrationId} in ${ids}`).orderBy(asc(participants.position))
    : [];
  const [seatRow] = await db
    .select({ n: sql<number>`coalesce(sum(${registrations.inPersonSeats}), 0)::int` })
    .from(registrations)
    .where(and(eq(registrations.consultationId, consultationId), eq(registrations.status, "confirmed")));
  return {
    rows: regs.map(({ registration, org }) => ({
      registration,
      organisation: { id: org.id, name: org.name, country: org.country, type: org.type, verified: org.verifiedAt !== null },
      participants: ps.filter((p) => p.registrationId === registration.id),
    })),
    total: totalRow?.n ?? 0,
    page,
    pageSize: REGISTRATIONS_PAGE_SIZE,
    seatsTaken: seatRow?.n ?? 0,
    capacity: c.inPersonCapacity,
  };
}

/** Anchors confirm, waitlist or decline; the organisation is e-mailed; freed seats go to the waitlist. */
export async function decideRegistration({ actor, input }: { actor: Actor; input: RegistrationDecisionInput }): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [peek] = await tx.select().from(registrations).where(eq(registrations.id, input.registrationId));
    if (!peek || !canModerate(actor, peek.consultationId)) throw new NotFoundError();
    const c = await lockConsultation(tx, peek.consultationId);
    const [r] = await tx.select().from(registrations).where(eq(registrations.id, input.registrationId)).for("update");
    if (!r) throw new NotFoundError();
    if (r.version !== input.version) throw new ConflictError("staleRegistration");
    if (r.status === "withdrawn") throw new DomainError("registrationWithdrawn", 409);
    if (r.status === input.status) return;
    if (input.status === "confirmed" && !fits(c, r.inPersonSeats, await confirmedSeats(tx, c.id, r.id))) throw new DomainError("noSeatsLeft", 409);
    await tx
      .update(registrations)
      .set({ status: input.status, waitlistedAt: input.status === "waitlisted" ? new Date() : null, version: r.version + 1, updatedAt: new Date() })
      .where(eq(registrations.id, r.id));
    await tx.insert(auditEvents).values({ actorId: actor.userId, action: `registration.${input.status}`, consultationId: c.id, organisationId: r.organisationId, registrationId: r.id, fromState: r.status, toState: input.status });
    await notifyOrganisation(tx, c, r.organisationId, input.status);
    if (r.status === "confirmed") await offerSeatsToWaitlist(tx, c, actor.userId);
  });
}

export interface ParticipantExportRow {
  organisation: string;
  organisationCountry: string;
  registrationStatus: RegistrationStatus;
  participant: Participant;
}

/** Every participant of a consultation, for the anchors' logistics export (in pages, bounded memory). */
export async function* participantsForExport({ actor, consultationId, batch = 500 }: { actor: Actor; consultationId: string; batch?: number }): AsyncGenerator<ParticipantExportRow> {
  if (!canModerate(actor, consultationId)) throw new NotFoundError();
  const db = await getDb();
  let after: { registrationId: string; position: number } | null = null;
  for (;;) {
    const conds: SQL[] = [eq(registrations.consultationId, consultationId)];
    if (after) conds.push(sql`(${participants.registrationId}, ${participants.position}) > (${after.registrationId}::uuid, ${after.position})`);
    const rows = await db
      .select({ p: participants, status: registrations.status, orgName: organisations.name, orgCountry: organisations.country })
      .from(participants)
      .innerJoin(registrations, eq(registrations.id, participants.registrationId))
      .innerJoin(organisations, eq(organisations.id, registrations.organisationId))
      .where(and(...conds))
      .orderBy(asc(participants.registrationId), asc(participants.position))
      .limit(batch);
    for (const r of rows) yield { organisation: r.orgName, organisationCountry: r.orgCountry, registrationStatus: r.status, participant: r.p };
    const last = rows.at(-1);
    if (!last || rows.length < batch) return;
    after = { registrationId: last.p.registrationId, position: last.p.position };
  }
}

/** The consultation for an anchor's pages (its anchors and the secretariat only). */
export async function getConsultationForModeration({ actor, slug }: { actor: Actor; slug: string }): Promise<Consultation> {
  const db = await getDb();
  const [c] = await db.select().from(consultations).where(eq(consultations.slug, slug));
  if (!c || !canModerate(actor, c.id)) throw new NotFoundError();
  return c;
}
