import "server-only";
// Organisations and their members. Every function takes the acting user and checks scope here,
// so that no page or action can forget it.
import { and, asc, count, eq, ne } from "drizzle-orm";
import { getDb, type DbOrTx, type Tx } from "@/db/client";
import {
  memberships,
  organisations,
  registrations,
  submissions,
  users,
  type Membership,
  type Organisation,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { isAnchorOf, isMember, isOwner, requireOwner, type Actor } from "@/lib/auth/actor";
import { ConflictError, DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { createInvitation } from "@/lib/invitations";
import type { InviteMemberInput, OrganisationInput } from "./schemas";
import { publicDataChanged } from "@/lib/cache";

export interface MemberRow {
  userId: string;
  email: string;
  name: string | null;
  role: "owner" | "member";
}

export async function createOrganisation({
  actor,
  input,
}: {
  actor: Actor;
  input: OrganisationInput;
}): Promise<string> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [org] = await tx.insert(organisations).values(input).returning({ id: organisations.id });
    if (!org) throw new Error("organisation not created");
    await tx.insert(memberships).values({ organisationId: org.id, userId: actor.userId, role: "owner" });
    await recordAudit(tx, actor.userId, { action: "organisation.create", organisationId: org.id });
    return org.id;
  });
}

/** Consultations in which the organisation is active (registered, or has sent input). */
async function activeConsultations(db: DbOrTx, organisationId: string): Promise<string[]> {
  const rows = await db
    .select({ id: registrations.consultationId })
    .from(registrations)
    .where(eq(registrations.organisationId, organisationId))
    .union(
      db
        .select({ id: submissions.consultationId })
        .from(submissions)
        .where(and(eq(submissions.organisationId, organisationId), ne(submissions.status, "draft"))),
    );
  return rows.map((r) => r.id);
}

async function canSeeOrganisation(db: DbOrTx, actor: Actor, organisationId: string): Promise<boolean> {
  if (isMember(actor, organisationId) || actor.secretariat) return true;
  if (actor.anchorOf.length === 0) return false;
  return (await activeConsultations(db, organisationId)).some((c) => isAnchorOf(actor, c));
}

export async function getOrganisation({
  actor,
  organisationId,
}: {
  actor: Actor;
  organisationId: string;
}): Promise<Organisation> {
  const db = await getDb();
  if (!(await canSeeOrganisation(db, actor, organisationId))) throw new NotFoundError();
  const [org] = await db.select().from(organisations).where(eq(organisations.id, organisationId));
  if (!org) throw new NotFoundError();
  return org;
}

export async function listMyOrganisations({
  actor,
}: {
  actor: Actor;
}): Promise<(Organisation & { role: "owner" | "member" })[]> {
  const db = await getDb();
  const rows = await db
    .select({ org: organisations, role: memberships.role })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, actor.userId))
    .orderBy(asc(organisations.name));
  return rows.map((r) => ({ ...r.org, role: r.role }));
}

export async function listMembers({
  actor,
  organisationId,
}: {
  actor: Actor;
  organisationId: string;
}): Promise<MemberRow[]> {
  if (!isMember(actor, organisationId)) throw new NotFoundError();
  const db = await getDb();
  return db
    .select({ userId: users.id, email: users.email, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(asc(users.email));
}

export async function updateOrganisation({
  actor,
  organisationId,
  input,
}: {
  actor: Actor;
  organisationId: string;
  input: OrganisationInput;
}): Promise<void> {
  requireOwner(actor, organisationId);
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx
      .update(organisations)
      .set({
        ...input,
        acronym: input.acronym ?? null,
        city: input.city ?? null,
        website: input.website ?? null,
        updatedAt: new Date(),
      })
      .where(eq(organisations.id, organisationId));
    await recordAudit(tx, actor.userId, { action: "organisation.update", organisationId });
    // Its name and country show on its published inputs.
    await publicDataChanged(tx);
  });
}

export async function inviteMember({ actor, input }: { actor: Actor; input: InviteMemberInput }): Promise<void> {
  requireOwner(actor, input.organisationId);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [org] = await tx
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, input.organisationId));
    if (!org) throw new NotFoundError();
    const already = await tx
      .select({ n: count() })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organisationId, input.organisationId), eq(users.email, input.email.toLowerCase())));
    if ((already[0]?.n ?? 0) > 0) throw new DomainError("alreadyMember", 409);
    await createInvitation(tx, {
      kind: "organisation",
      email: input.email,
      organisationId: input.organisationId,
      role: input.role,
      locale: input.locale,
      invitedBy: actor.userId,
      values: { organisation: org.name, inviter: actor.name ?? actor.email },
    });
    await recordAudit(tx, actor.userId, { action: "organisation.invite", organisationId: input.organisationId });
  });
}

/** A change to one member of an organisation, by the acting user. */
interface MemberChange {
  actor: Actor;
  organisationId: string;
  userId: string;
}

const membership = (organisationId: string, userId: string) =>
  and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId));

/** A change to an organisation's members, its memberships locked: two owners leaving at once cannot both succeed. */
async function changeMembers(organisationId: string, change: (tx: Tx, rows: Membership[]) => Promise<void>) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(memberships)
      .where(eq(memberships.organisationId, organisationId))
      .for("update");
    await change(tx, rows);
  });
}

/** Owners remove anyone; a member may remove themself (leave). The last owner cannot go. */
export async function removeMember({ actor, organisationId, userId }: MemberChange): Promise<void> {
  if (!isMember(actor, organisationId)) throw new NotFoundError();
  if (userId !== actor.userId && !isOwner(actor, organisationId)) throw new ForbiddenError();
  await changeMembers(organisationId, async (tx, rows) => {
    const target = rows.find((m) => m.userId === userId);
    if (!target) throw new NotFoundError();
    const owners = rows.filter((m) => m.role === "owner").length;
    if (target.role === "owner" && owners <= 1) throw new DomainError("lastOwner", 409);
    await tx.delete(memberships).where(membership(organisationId, userId));
    await recordAudit(tx, actor.userId, {
      action: "organisation.removeMember",
      organisationId,
      fromState: target.role,
    });
  });
}

/** The owner hands ownership to a member and becomes a member. */
export async function transferOwnership({ actor, organisationId, userId }: MemberChange): Promise<void> {
  requireOwner(actor, organisationId);
  if (userId === actor.userId) throw new DomainError("invalidTarget", 400);
  await changeMembers(organisationId, async (tx, rows) => {
    if (!rows.some((m) => m.userId === userId)) throw new NotFoundError();
    if (!rows.some((m) => m.userId === actor.userId && m.role === "owner")) throw new ConflictError();
    await tx.update(memberships).set({ role: "owner" }).where(membership(organisationId, userId));
    await tx.update(memberships).set({ role: "member" }).where(membership(organisationId, actor.userId));
    await recordAudit(tx, actor.userId, {
      action: "organisation.transferOwnership",
      organisationId,
      fromState: "owner",
      toState: "member",
    });
  });
}

/** The secretariat, or an anchor of a consultation the organisation is active in. */
export async function setOrganisationVerified({
  actor,
  organisationId,
  verified,
}: {
  actor: Actor;
  organisationId: string;
  verified: boolean;
}): Promise<void> {
  const db = await getDb();
  if (!actor.secretariat) {
    const active = await activeConsultations(db, organisationId);
    if (!active.some((c) => isAnchorOf(actor, c))) {
      if (await canSeeOrganisation(db, actor, organisationId)) throw new ForbiddenError();
      throw new NotFoundError();
    }
  }
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(organisations)
      .set(verified ? { verifiedAt: new Date(), verifiedBy: actor.userId } : { verifiedAt: null, verifiedBy: null })
      .where(eq(organisations.id, organisationId))
      .returning({ id: organisations.id });
    if (!row) throw new NotFoundError();
    await recordAudit(tx, actor.userId, {
      action: verified ? "organisation.verify" : "organisation.unverify",
      organisationId,
    });
  });
}

/** Whether the actor may mark this organisation verified (for showing the button). */
export async function canVerifyOrganisation({
  actor,
  organisationId,
}: {
  actor: Actor;
  organisationId: string;
}): Promise<boolean> {
  if (actor.secretariat) return true;
  if (actor.anchorOf.length === 0) return false;
  const db = await getDb();
  return (await activeConsultations(db, organisationId)).some((c) => isAnchorOf(actor, c));
}
