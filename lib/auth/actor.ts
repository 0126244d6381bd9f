import "server-only";
// The acting user, loaded from the database for each request: who they are and every role they
// hold. Every lib/ function that reads or writes people's data takes one and checks scope.
import { and, eq, gt, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { sessions, users, type Locale, type User } from "@/db/schema";
import { ForbiddenError, NotFoundError } from "@/lib/errors";

export interface Actor {
  userId: string;
  email: string;
  name: string | null;
  locale: Locale;
  memberships: { organisationId: string; role: "owner" | "member" }[];
  /** Consultations this user moderates as an anchor. */
  anchorOf: string[];
  secretariat: boolean;
}

// The user's row with their memberships and role grants, in one statement: every signed-in page and
// action starts with it, and on a deadline day each statement saved is a round trip per request.
// Written out with aliases: drizzle leaves columns unqualified when a query reads one table, and an
// unqualified "id" inside the subquery would name the subquery's own.
const actorColumns = {
  user: users,
  memberships: sql<
    Actor["memberships"]
  >`coalesce((select json_agg(json_build_object('organisationId', m.organisation_id, 'role', m.role)) from memberships m where m.user_id = "users"."id"), '[]'::json)`,
  grants: sql<
    { role: string; consultationId: string | null }[]
  >`coalesce((select json_agg(json_build_object('role', g.role, 'consultationId', g.consultation_id)) from role_grants g where g.user_id = "users"."id"), '[]'::json)`,
};

function toActor(row: {
  user: Pick<User, "id" | "email" | "name" | "locale">;
  memberships: Actor["memberships"];
  grants: { role: string; consultationId: string | null }[];
}): Actor {
  const { user, grants } = row;
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale,
    memberships: row.memberships,
    anchorOf: grants.flatMap((g) => (g.role === "anchor" && g.consultationId ? [g.consultationId] : [])),
    secretariat: grants.some((g) => g.role === "secretariat"),
  };
}

export async function loadActor(userId: string): Promise<Actor | null> {
  const db = await getDb();
  const [row] = await db.select(actorColumns).from(users).where(eq(users.id, userId));
  return row ? toActor(row) : null;
}

/**
 * The actor of an unexpired database session, with one query, or null. Like Auth.js, a session used
 * more than a day after it was last extended gets its full lifetime again (maxAgeMs from now).
 */
export async function sessionActor(sessionToken: string, maxAgeMs: number, now = new Date()): Promise<Actor | null> {
  const db = await getDb();
  const [row] = await db
    .select({ ...actorColumns, expires: sessions.expires })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.sessionToken, sessionToken), gt(sessions.expires, now)));
  if (!row) return null;
  if (row.expires.getTime() - maxAgeMs + SESSION_UPDATE_AGE_MS < now.getTime()) {
    await db
      .update(sessions)
      .set({ expires: new Date(now.getTime() + maxAgeMs) })
      .where(eq(sessions.sessionToken, sessionToken));
  }
  return toActor(row);
}
const SESSION_UPDATE_AGE_MS = 24 * 3600 * 1000;

export const isMember = (a: Actor, organisationId: string) =>
  a.memberships.some((m) => m.organisationId === organisationId);
export const isOwner = (a: Actor, organisationId: string) =>
  a.memberships.some((m) => m.organisationId === organisationId && m.role === "owner");
export const isAnchorOf = (a: Actor, consultationId: string) => a.anchorOf.includes(consultationId);
/** Moderators of a consultation: its anchors and the secretariat. */
export const canModerate = (a: Actor, consultationId: string) => a.secretariat || isAnchorOf(a, consultationId);

/** The secretariat's own pages and changes: anyone else is refused. */
export function requireSecretariat(a: Actor): void {
  if (!a.secretariat) throw new ForbiddenError();
}
/** An organisation's owners: a member who is not one is refused; to anyone else it does not exist. */
export function requireOwner(a: Actor, organisationId: string): void {
  if (!isMember(a, organisationId)) throw new NotFoundError();
  if (!isOwner(a, organisationId)) throw new ForbiddenError();
}
