import "server-only";
import { desc } from "drizzle-orm";
import { getDb } from "@/db/client";
import { emailOutbox, type OutboxEmail } from "@/db/schema";
import { demoAccountsEnabled, env } from "@/lib/env";

/** The local outbox page exists only in local demo mode: no SMTP and demo accounts on. */
export function localOutboxEnabled(): boolean {
  const e = env();
  return !e.SMTP_URL && demoAccountsEnabled(e);
}

export async function listLocalOutbox({ limit = 50 }: { limit?: number } = {}): Promise<OutboxEmail[]> {
  if (!localOutboxEnabled()) return [];
  const db = await getDb();
  return db.select().from(emailOutbox).orderBy(desc(emailOutbox.id)).limit(limit);
}
