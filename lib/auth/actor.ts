import "server-only";
// The acting user, loaded from the database for each request: who they are and every role they
// hold. Every lib/ function that reads or writes people's data takes one and checks scope.
import { and, eq, gt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, roleGrants, sessions, users, type Locale, type User } from "@/db/schema";

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

export async function loadActor(userId: string): Promise<Actor | null> {
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  return user ? actorOf(user) : null;
}

/** The actor of a user row already read (Auth.js's session lookup returns it): roles only. */
export async function actorOf(user: Pick<User, "id" | "email" | "name" | "locale">): Promise<Actor> {
  const db = await getDb();
  const [mems, grants] = await Promise.all([
    db.select({ organisationId: memberships.organisationId, role: memberships.role }).from(memberships).where(eq(memberships.userId, user.id)),
    db.select({ role: roleGrants.role, consultationId: roleGrants.consultationId }).from(roleGrants).where(eq(roleGrants.userId, user.id)),
  ]);
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale,
    memberships: mems,
    anchorOf: grants.flatMap((g) => (g.role === "anchor" && g.consultationId ? [g.consultationId] : [])),
    secretariat: grants.some((g) => g.role === "secretariat"),
  };
}

/**
 * The user of an unexpired database session, with one query, or null. Like Auth.js, a session used
 * more than a day after it was last extended gets its full lifetime again (maxAgeMs from now).
 */
export async function sessionUser(sessionToken: string, maxAgeMs: number, now = new Date()): Promise<User | null> {
  const db = await getDb();
  const [row] = await db
    .select({ user: users, expires: sessions.expires })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.sessionToken, sessionToken), gt(sessions.expires, now)));
  if (!row) return null;
  if (row.expires.getTime() - maxAgeMs + SESSION_UPDATE_AGE_MS < now.getTime()) {
    await db.update(sessions).set({ expires: new Date(now.getTime() + maxAgeMs) }).where(eq(sessions.sessionToken, sessionToken));
  }
  return row.user;
}
const SESSION_UPDATE_AGE_MS = 24 * 3600 * 1000;

export const isMember = (a: Actor, organisationId: string) => a.memberships.some((m) => m.organisationId === organisationId);
export const isOwner = (a: Actor, organisationId: string) =>
  a.memberships.some((m) => m.organisationId === organisationId && m.role === "owner");
export const isAnchorOf = (a: Actor, consultationId: string) => a.anchorOf.includes(consultationId);
/** Moderators of a consultation: its anchors and the secretariat. */
export const canModerate = (a: Actor, consultationId: string) => a.secretariat || isAnchorOf(a, consultationId);
