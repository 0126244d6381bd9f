import "server-only";
// Registrations as the consultation's anchors and the secretariat see them: the list and its
// filters, the decisions (confirm, waitlist, decline) and the participants for the logistics export.
import { and, asc, count, desc, eq, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  consultations,
  organisations,
  participants,
  registrations,
  type Participant,
  type Registration,
  type RegistrationStatus,
} from "@/db/schema";
import { recordAudit, aboutRegistration } from "@/lib/audit";
import { canModerate, type Actor } from "@/lib/auth/actor";
import { keysetBatches } from "@/lib/cursor";
import { ConflictError, DomainError, NotFoundError } from "@/lib/errors";
import type { RegistrationDecisionInput, RegistrationFilters } from "./schemas";
import { confirmedSeats, fits, lockConsultation, notifyOrganisation, offerSeatsToWaitlist } from "./seats";

export const REGISTRATIONS_PAGE_SIZE = 50;

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
}): Promise<{
  rows: RegistrationRow[];
  total: number;
  page: number;
  pageSize: number;
  seatsTaken: number;
  capacity: number | null;
}> {
  if (!canModerate(actor, consultationId)) throw new NotFoundError();
  const db = await getDb();
  const [c] = await db.select().from(consultations).where(eq(consultations.id, consultationId));
  if (!c) throw new NotFoundError();
  const conds = filterConditions(consultationId, filters);
  const page = filters.page ?? 1;
  const [totalRow] = await db
    .select({ n: count() })
    .from(registrations)
    .where(and(...conds));
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
    ? await db
        .select()
        .from(participants)
        .where(sql`${participants.registrationId} in ${ids}`)
        .orderBy(asc(participants.position))
    : [];
  const [seatRow] = await db
    .select({ n: sql<number>`coalesce(sum(${registrations.inPersonSeats}), 0)::int` })
    .from(registrations)
    .where(and(eq(registrations.consultationId, consultationId), eq(registrations.status, "confirmed")));
  return {
    rows: regs.map(({ registration, org }) => ({
      registration,
      organisation: {
        id: org.id,
        name: org.name,
        country: org.country,
        type: org.type,
        verified: org.verifiedAt !== null,
      },
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
export async function decideRegistration({
  actor,
  input,
}: {
  actor: Actor;
  input: RegistrationDecisionInput;
}): Promise<void> {
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
    if (input.status === "confirmed" && !fits(c, r.inPersonSeats, await confirmedSeats(tx, c.id, r.id)))
      throw new DomainError("noSeatsLeft", 409);
    await tx
      .update(registrations)
      .set({
        status: input.status,
        waitlistedAt: input.status === "waitlisted" ? new Date() : null,
        version: r.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(registrations.id, r.id));
    await recordAudit(tx, actor.userId, {
      action: `registration.${input.status}`,
      ...aboutRegistration(r),
      fromState: r.status,
      toState: input.status,
    });
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
export async function* participantsForExport({
  actor,
  consultationId,
  batch = 500,
}: {
  actor: Actor;
  consultationId: string;
  batch?: number;
}): AsyncGenerator<ParticipantExportRow> {
  if (!canModerate(actor, consultationId)) throw new NotFoundError();
  const db = await getDb();
  const rows = keysetBatches(
    batch,
    (after: { registrationId: string; position: number } | null) =>
      db
        .select({
          p: participants,
          status: registrations.status,
          orgName: organisations.name,
          orgCountry: organisations.country,
        })
        .from(participants)
        .innerJoin(registrations, eq(registrations.id, participants.registrationId))
        .innerJoin(organisations, eq(organisations.id, registrations.organisationId))
        .where(
          and(
            eq(registrations.consultationId, consultationId),
            after
              ? sql`(${participants.registrationId}, ${participants.position}) > (${after.registrationId}::uuid, ${after.position})`
              : undefined,
          ),
        )
        .orderBy(asc(participants.registrationId), asc(participants.position))
        .limit(batch),
    (last) => ({ registrationId: last.p.registrationId, position: last.p.position }),
  );
  for await (const r of rows)
    yield {
      organisation: r.orgName,
      organisationCountry: r.orgCountry,
      registrationStatus: r.status,
      participant: r.p,
    };
}
