import "server-only";
// The app's one database, opened lazily on first use (never at import time, never during a build)
// and kept on globalThis: Next.js may load this module in several bundles of one process, and two
// PGlite instances on one folder would lose rows.
import { sql } from "drizzle-orm";
import { demoAccountsEnabled, env } from "@/lib/env";
import { openDatabase, type Db, type OpenDatabase } from "./open";

export type { Db, DbOrTx, Tx } from "./open";

const KEY = Symbol.for("gcm.database");
type Holder = { [KEY]?: Promise<OpenDatabase> };

export function getDatabase(): Promise<OpenDatabase> {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    const e = env();
    holder[KEY] = openDatabase({
      url: e.DATABASE_URL,
      dataDir: e.DATABASE_URL ? undefined : e.DATA_DIR,
      seed: { demoAccounts: demoAccountsEnabled(e) },
    }).catch((err: unknown) => {
      delete holder[KEY];
      throw err;
    });
  }
  return holder[KEY];
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

/** Throws when the database cannot answer (used to tell "no session" from "session unreadable"). */
export async function pingDatabase(): Promise<void> {
  await (await getDb()).execute(sql`select 1`);
}

/** Tests: make the app's lib/ functions use this database (PGlite in memory or a fresh PostgreSQL). */
export function useDatabaseForTests(opened: OpenDatabase): void {
  (globalThis as Holder)[KEY] = Promise.resolve(opened);
}
