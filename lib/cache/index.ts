import "server-only";
// What the public pages read (consultations, themes, published inputs) and the moderation overview's
// counts, kept in memory for a few seconds, so that a page view costs no query for them. Every app instance keeps its own copy; they
// agree through PostgreSQL:
// - a write that changes cached data calls dataChanged(tx, scopes) in its transaction: a NOTIFY that
//   PostgreSQL delivers at commit to every instance listening (this one included), which forgets
//   what it cached (PGlite, single-process, delivers it in-process);
// - whatever happens to the listening connection, nothing is served older than PUBLIC_DATA_TTL_MS.
// So a change shows on every instance as soon as the notification arrives (milliseconds), and in any
// case within PUBLIC_DATA_TTL_MS. Public data is what anonymous visitors see; the overview's counts are read after the caller's scope check.
import { sql } from "drizzle-orm";
import { getDatabase, type Db, type DbOrTx } from "@/db/client";
import type { OpenDatabase } from "@/db/open";

import { PUBLIC_DATA_TTL_MS } from "./freshness";

export { PUBLIC_DATA_TTL_MS };
const CHANNEL = "gcm_data_changed";
// Published-inputs pages are keyed by filters and cursor: a bound on the entries kept.
const MAX_ENTRIES = 500;

/** What a cached value belongs to; a write names the scopes it changes. */
export type CacheScope = "public" | "overview";

interface Entry {
  at: number;
  value: Promise<unknown>;
}
interface Store {
  entries: Map<string, Entry>;
  listening: boolean;
}

// Per opened database (tests swap databases in one process), shared by every bundle of the process.
const KEY = Symbol.for("gcm.sharedDataCache");
const stores: WeakMap<OpenDatabase, Store> = ((globalThis as { [KEY]?: WeakMap<OpenDatabase, Store> })[KEY] ??=
  new WeakMap());

function forget(store: Store, payload: string) {
  const scopes = payload ? payload.split(",") : null;
  if (!scopes) return store.entries.clear();
  for (const key of [...store.entries.keys()])
    if (scopes.some((s) => key.startsWith(`${s}:`))) store.entries.delete(key);
}

function storeOf(opened: OpenDatabase): Store {
  let store = stores.get(opened);
  if (!store) {
    store = { entries: new Map(), listening: false };
    stores.set(opened, store);
  }
  if (!store.listening) {
    const s = store;
    s.listening = true;
    opened
      .listen(
        CHANNEL,
        (payload) => forget(s, payload),
        () => forget(s, ""),
      )
      .catch((e: unknown) => {
        // Cached values still expire after PUBLIC_DATA_TTL_MS; the next miss tries again.
        s.listening = false;
        console.error(`[cache] cannot listen for data changes: ${(e as Error).message}`);
      });
  }
  return store;
}

/**
 * `load`'s result for `key` in `scope`, from memory when it is younger than PUBLIC_DATA_TTL_MS.
 * Concurrent misses share one load; a failed load is not kept. Callers check authorisation first:
 * a value is shared by everyone who may see it.
 */
export async function cachedData<T>(scope: CacheScope, key: string, load: (db: Db) => Promise<T>): Promise<T> {
  const opened = await getDatabase();
  const store = storeOf(opened);
  const k = `${scope}:${key}`;
  const now = Date.now();
  const hit = store.entries.get(k);
  if (hit && now - hit.at < PUBLIC_DATA_TTL_MS) return hit.value as Promise<T>;
  // A real promise of the result: a drizzle query is a thenable that runs again each time it is awaited.
  const value: Promise<T> = Promise.resolve().then(() => load(opened.db));
  store.entries.delete(k);
  store.entries.set(k, { at: now, value });
  if (store.entries.size > MAX_ENTRIES) store.entries.delete(store.entries.keys().next().value!);
  value.catch(() => {
    if (store.entries.get(k)?.value === value) store.entries.delete(k);
  });
  return value;
}

/** What the public pages read (consultations, themes, published inputs). */
export function cachedPublicData<T>(key: string, load: (db: Db) => Promise<T>): Promise<T> {
  return cachedData("public", key, load);
}

/**
 * Call inside the transaction of a write that changes cached data: at its commit, every instance
 * forgets what it cached in those scopes.
 */
export async function dataChanged(tx: DbOrTx, ...scopes: CacheScope[]): Promise<void> {
  await tx.execute(sql`select pg_notify(${CHANNEL}, ${scopes.join(",")})`);
}

/**
 * Call inside the transaction of any write that changes what public pages show (a consultation, a
 * confirmed registration's seats, an input's publication, an organisation's name).
 */
export function publicDataChanged(tx: DbOrTx): Promise<void> {
  return dataChanged(tx, "public");
}
