import "server-only";
// What the public pages read (consultations, themes, published inputs), kept in memory for a few
// seconds, so that a page view costs no query for them. Every app instance keeps its own copy; they
// agree through PostgreSQL:
// - a write that changes public data calls publicDataChanged(tx) in its transaction: a NOTIFY that
//   PostgreSQL delivers at commit to every instance listening (this one included), which forgets
//   what it cached (PGlite, single-process, delivers it in-process);
// - whatever happens to the listening connection, nothing is served older than PUBLIC_DATA_TTL_MS.
// So a change shows on every instance as soon as the notification arrives (milliseconds), and in any
// case within PUBLIC_DATA_TTL_MS. Nothing here is private data: only what anonymous visitors see.
import { sql } from "drizzle-orm";
import { getDatabase, type Db, type DbOrTx } from "@/db/client";
import type { OpenDatabase } from "@/db/open";

/** The longest a public page shows data older than the database's, on any instance. */
export const PUBLIC_DATA_TTL_MS = 5000;
const CHANNEL = "gcm_public_data";
// Published-inputs pages are keyed by filters and cursor: a bound on the entries kept.
const MAX_ENTRIES = 500;

interface Entry {
  at: number;
  value: Promise<unknown>;
}
interface Store {
  entries: Map<string, Entry>;
  listening: boolean;
}

// Per opened database (tests swap databases in one process), shared by every bundle of the process.
const KEY = Symbol.for("gcm.publicDataCache");
const stores: WeakMap<OpenDatabase, Store> = ((globalThis as { [KEY]?: WeakMap<OpenDatabase, Store> })[KEY] ??= new WeakMap());

function storeOf(opened: OpenDatabase): Store {
  let store = stores.get(opened);
  if (!store) {
    store = { entries: new Map(), listening: false };
    stores.set(opened, store);
  }
  if (!store.listening) {
    const s = store;
    s.listening = true;
    const forget = () => s.entries.clear();
    opened.listen(CHANNEL, forget, forget).catch((e: unknown) => {
      // Cached values still expire after PUBLIC_DATA_TTL_MS; the next miss tries again.
      s.listening = false;
      console.error(`[cache] cannot listen for public data changes: ${(e as Error).message}`);
    });
  }
  return store;
}

/**
 * `load`'s result for `key`, from memory when it is younger than PUBLIC_DATA_TTL_MS. Concurrent
 * misses share one load; a failed load is not kept.
 */
export async function cachedPublicData<T>(key: string, load: (db: Db) => Promise<T>): Promise<T> {
  const opened = await getDatabase();
  const store = storeOf(opened);
  const now = Date.now();
  const hit = store.entries.get(key);
  if (hit && now - hit.at < PUBLIC_DATA_TTL_MS) return hit.value as Promise<T>;
  const value = load(opened.db);
  store.entries.delete(key);
  store.entries.set(key, { at: now, value });
  if (store.entries.size > MAX_ENTRIES) store.entries.delete(store.entries.keys().next().value!);
  value.catch(() => {
    if (store.entries.get(key)?.value === value) store.entries.delete(key);
  });
  return value;
}

/**
 * Call inside the transaction of any write that changes what public pages show (a consultation, a
 * confirmed registration's seats, an input's publication, an organisation's name): at commit, every
 * instance forgets its cached public data.
 */
export async function publicDataChanged(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select pg_notify(${CHANNEL}, '')`);
}
