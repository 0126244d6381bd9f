import "server-only";
// The secretariat's work on consultations: edit dates, deadlines, capacity and status;
// appoint and remove anchor moderators. Only the secretariat; checked here.
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { consultations, invitations, roleGrants, users, type Consultation } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requireSecretariat, type Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { createInvitation } from "@/lib/invitations";
import { utcToZonedLocal, zonedLocalToUtc } from "@/lib/time";
import { changeConsultation } from "./change";
import { deadlineWarnings } from "./deadlines";
import { consultationBySlug } from "./moderation";
import type { ConsultationEditInput, InviteAnchorInput } from "./schemas";
import { publicDataChanged } from "@/lib/cache";

/** Every consultation, or one round's (roundId), in their order: the secretariat only. */
export async function listConsultationsForSecretariat({
  actor,
  roundId,
}: {
  actor: Actor;
  roundId?: string;
}): Promise<Consultation[]> {
  requireSecretariat(actor);
  const db = await getDb();
  return db
    .select()
    .from(consultations)
    .where(roundId ? eq(consultations.roundId, roundId) : undefined)
    .orderBy(asc(consultations.sortOrder));
}

export async function getConsultationForSecretariat({
  actor,
  slug,
}: {
  actor: Actor;
  slug: string;
}): Promise<Consultation> {
  requireSecretariat(actor);
  const c = await consultationBySlug(slug);
  if (!c) throw new NotFoundError();
  return c;
}

/** Saves the consultation; says how many of its deadlines deserve a warning (lib/consultations/deadlines.ts). */
export async function updateConsultation({
  actor,
  input,
  now = new Date(),
}: {
  actor: Actor;
  input: ConsultationEditInput;
  now?: Date;
}): Promise<{ slug: string; warnings: number }> {
  requireSecretariat(actor);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const c = await changeConsultation(tx, input, (c) => {
      const toInstant = (v: string | undefined) => (v ? zonedLocalToUtc(v, c.timeZone) : null);
      return {
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        registrationDeadline: toInstant(input.registrationDeadline),
        submissionDeadline: toInstant(input.submissionDeadline),
        inPersonCapacity: input.inPersonCapacity,
        status: input.status,
      };
    });
    await recordAudit(tx, actor.userId, {
      action: "consultation.update",
      consultationId: c.id,
      fromState: c.status,
      toState: input.status,
    });
    await publicDataChanged(tx);
    const warnings = deadlineWarnings({ ...input, today: utcToZonedLocal(now, c.timeZone).slice(0, 10) });
    return { slug: c.slug, warnings: warnings.length };
  });
}

export interface AnchorRow {
  userId: string;
  email: string;
  name: string | null;
}

export async function listAnchors({
  actor,
  consultationId,
}: {
  actor: Actor;
  consultationId: string;
}): Promise<{ anchors: AnchorRow[]; pending: string[] }> {
  requireSecretariat(actor);
  const db = await getDb();
  const anchors = await db
    .select({ userId: users.id, email: users.email, name: users.name })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(roleGrants.role, "anchor"), eq(roleGrants.consultationId, consultationId)))
    .orderBy(asc(users.email));
  const pending = await db
    .select({ email: invitations.email, acceptedAt: invitations.acceptedAt, expiresAt: invitations.expiresAt })
    .from(invitations)
    .where(and(eq(invitations.kind, "anchor"), eq(invitations.consultationId, consultationId)));
  const now = new Date();
  return { anchors, pending: pending.filter((p) => !p.acceptedAt && p.expiresAt > now).map((p) => p.email) };
}

export async function inviteAnchor({ actor, input }: { actor: Actor; input: InviteAnchorInput }): Promise<void> {
  requireSecretariat(actor);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [c] = await tx.select().from(consultations).where(eq(consultations.id, input.consultationId));
    if (!c) throw new NotFoundError();
    await createInvitation(tx, {
      kind: "anchor",
      email: input.email,
      consultationId: c.id,
      locale: input.locale,
      invitedBy: actor.userId,
      values: { region: c.region, city: c.city },
    });
    await recordAudit(tx, actor.userId, { action: "anchor.invite", consultationId: c.id });
  });
}

export async function removeAnchor({
  actor,
  consultationId,
  userId,
}: {
  actor: Actor;
  consultationId: string;
  userId: string;
}): Promise<void> {
  requireSecretariat(actor);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(roleGrants)
      .where(
        and(
          eq(roleGrants.userId, userId),
          eq(roleGrants.role, "anchor"),
          eq(roleGrants.consultationId, consultationId),
        ),
      )
      .returning({ id: roleGrants.id });
    if (removed.length === 0) throw new NotFoundError();
    await recordAudit(tx, actor.userId, { action: "anchor.remove", consultationId });
  });
}
