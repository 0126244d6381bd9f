import "server-only";
// Invitations to an organisation (by its owners) or to moderate a consultation (by the secretariat).
// The e-mailed token is random; only its SHA-256 is stored. Accepting needs the invited address.
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { consultations, invitations, memberships, organisations, roleGrants, type Locale } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { DomainError, NotFoundError } from "@/lib/errors";
import { enqueueEmail } from "@/lib/mail/outbox";
import { appBaseUrl } from "@/lib/url";

export const INVITATION_DAYS = 14;
const hash = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createInvitation(
  tx: Tx,
  opts: {
    kind: "organisation" | "anchor";
    email: string;
    organisationId?: string;
    consultationId?: string;
    role?: "owner" | "member";
    locale: Locale;
    invitedBy: string;
    values: Record<string, string>;
  },
): Promise<void> {
  const token = randomBytes(32).toString("base64url");
  const email = opts.email.trim().toLowerCase();
  await tx.insert(invitations).values({
    kind: opts.kind,
    email,
    organisationId: opts.organisationId,
    consultationId: opts.consultationId,
    role: opts.role ?? "member",
    tokenHash: hash(token),
    locale: opts.locale,
    invitedBy: opts.invitedBy,
    expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
  });
  const url = `${await appBaseUrl()}/${opts.locale}/invitations/${token}`;
  await enqueueEmail(tx, {
    to: email,
    organisationId: opts.organisationId ?? null,
    locale: opts.locale,
    template: opts.kind === "organisation" ? "organisationInvitation" : "anchorInvitation",
    values: { ...opts.values, url, days: INVITATION_DAYS },
  });
}

export interface InvitationView {
  kind: "organisation" | "anchor";
  organisationName: string | null;
  consultationSlug: string | null;
  consultationRegion: string | null;
  emailMatches: boolean;
}

async function findOpen(token: string) {
  const db = await getDb();
  const [row] = await db
    .select({ inv: invitations, orgName: organisations.name, slug: consultations.slug, region: consultations.region })
    .from(invitations)
    .leftJoin(organisations, eq(organisations.id, invitations.organisationId))
    .leftJoin(consultations, eq(consultations.id, invitations.consultationId))
    .where(
      and(
        eq(invitations.tokenHash, hash(token)),
        isNull(invitations.acceptedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    );
  return row;
}

/** What an invitation is for, to its holder (the token is the secret). */
export async function viewInvitation({ actor, token }: { actor: Actor; token: string }): Promise<InvitationView> {
  const row = await findOpen(token);
  if (!row) throw new NotFoundError();
  return {
    kind: row.inv.kind,
    organisationName: row.orgName,
    consultationSlug: row.slug,
    consultationRegion: row.region,
    emailMatches: row.inv.email === actor.email.toLowerCase(),
  };
}

/** Accepting: the signed-in user must be the invited address. Returns where to go next. */
export async function acceptInvitation({
  actor,
  token,
}: {
  actor: Actor;
  token: string;
}): Promise<{ kind: "organisation" | "anchor"; id: string }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [inv] = await tx
      .select()
      .from(invitations)
      .where(
        and(
          eq(invitations.tokenHash, hash(token)),
          isNull(invitations.acceptedAt),
          gt(invitations.expiresAt, new Date()),
        ),
      )
      .for("update");
    if (!inv) throw new NotFoundError();
    if (inv.email !== actor.email.toLowerCase()) throw new DomainError("invitationOtherAddress", 403);
    await tx
      .update(invitations)
      .set({ acceptedAt: new Date(), acceptedBy: actor.userId })
      .where(eq(invitations.id, inv.id));
    if (inv.kind === "organisation" && inv.organisationId) {
      await tx
        .insert(memberships)
        .values({ organisationId: inv.organisationId, userId: actor.userId, role: inv.role })
        .onConflictDoNothing();
      await recordAudit(tx, actor.userId, {
        action: "organisation.join",
        organisationId: inv.organisationId,
        toState: inv.role,
      });
      return { kind: "organisation" as const, id: inv.organisationId };
    }
    if (inv.kind === "anchor" && inv.consultationId) {
      await tx
        .insert(roleGrants)
        .values({ userId: actor.userId, role: "anchor", consultationId: inv.consultationId, grantedBy: inv.invitedBy })
        .onConflictDoNothing();
      await recordAudit(tx, actor.userId, { action: "anchor.join", consultationId: inv.consultationId });
      return { kind: "anchor" as const, id: inv.consultationId };
    }
    throw new NotFoundError();
  });
}
