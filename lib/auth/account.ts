import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { sessions, users } from "@/db/schema";
import type { Actor } from "./actor";
import type { PreferencesInput } from "./schemas";

export async function updatePreferences({ actor, input }: { actor: Actor; input: PreferencesInput }): Promise<void> {
  const db = await getDb();
  await db
    .update(users)
    .set({ locale: input.locale, name: input.name || null })
    .where(eq(users.id, actor.userId));
}

/** Signing out ends every session of the user, on every device. */
export async function endAllSessions({ actor }: { actor: Actor }): Promise<void> {
  const db = await getDb();
  await db.delete(sessions).where(eq(sessions.userId, actor.userId));
}
