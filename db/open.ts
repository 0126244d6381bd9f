// Opens, migrates and (optionally) seeds a database on either driver. Private to db/ and lib/;
// scripts and tests use it directly, the app through db/client.ts.
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import postgres from "postgres";
import { lockDataDir } from "./lock";
import * as schema from "./schema";
import { seed, type SeedOptions } from "./seed";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export interface OpenOptions {
  /** PostgreSQL URL; without it PGlite is used. */
  url?: string;
  /** PGlite data folder; omitted (with no url) means an in-memory database, for tests. */
  dataDir?: string;
  seed?: SeedOptions | false;
  /** Connections in the postgres pool. */
  poolSize?: number;
}

export interface OpenDatabase {
  db: Db;
  driver: "postgres" | "pglite";
  close(): Promise<void>;
  /**
   * LISTEN on a channel: `onNotify` for each NOTIFY committed by any session (any instance),
   * `onListen` each time the listening connection is (re)established — notifications sent while it
   * was down are lost, so a listener forgets what it cached.
   */
  listen(channel: string, onNotify: (payload: string) => void, onListen: () => void): Promise<void>;
}

const migrationsFolder = path.join(process.cwd(), "db", "migrations");
// Any fixed number: serialises migrations when several app instances start at once.
const MIGRATION_LOCK = 727_2017;

export async function openDatabase(opts: OpenOptions): Promise<OpenDatabase> {
  if (process.env.NEXT_PHASE === "phase-production-build") {
    // A build must never open the live database (PGlite is single-process): pages that read data
    // are dynamic. Reaching here means a page was about to be prerendered with data.
    throw new Error("The database was opened during `next build`; mark the page dynamic.");
  }
  const opened = opts.url ? await openPostgres(opts.url, opts.poolSize ?? 10) : await openPglite(opts.dataDir);
  try {
    if (opts.seed !== false) await seed(opened.db, opts.seed ?? {});
  } catch (e) {
    await opened.close();
    throw e;
  }
  return opened;
}

/**
 * During a database outage every request should fail within a few seconds, and the app serve again
 * within a second of the database's return. postgres.js's default backoff between connection
 * attempts grows with failures (3^n / 100 s, up to 20 s), and a query waits for it: after a 5 s outage
 * requests waited 20 s and more. Here a retry waits at most a quarter of a second, and a connection
 * attempt that gets no answer (a host gone from the network) gives up after 3 s.
 */
export const OUTAGE_OPTIONS = {
  connect_timeout: 3,
  backoff: (retries: number) => Math.min(0.05 * retries, 0.25),
} as const;

async function openPostgres(url: string, max: number): Promise<OpenDatabase> {
  // Migrate over one dedicated connection holding an advisory lock, so concurrent starts queue.
  const migrator = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrator`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migratePostgres(drizzlePostgres(migrator, { casing: "snake_case" }), { migrationsFolder });
    await migrator`select pg_advisory_unlock(${MIGRATION_LOCK})`;
  } finally {
    await migrator.end();
  }
  const client = postgres(url, { max, onnotice: () => {}, ...OUTAGE_OPTIONS });
  const db = drizzlePostgres(client, { schema, casing: "snake_case" }) as unknown as Db;
  return {
    db,
    driver: "postgres",
    close: () => client.end({ timeout: 5 }),
    // postgres.js listens on a connection of its own and re-listens after a reconnect.
    listen: async (channel, onNotify, onListen) => {
      await client.listen(channel, onNotify, onListen);
    },
  };
}

/** pg_trgm and btree_gist for similar inputs (lib/synthesis/coverage.ts), as PostgreSQL ships them. */
export const PGLITE_EXTENSIONS = { pg_trgm, btree_gist };

async function openPglite(dataDir: string | undefined): Promise<OpenDatabase> {
  const release = dataDir ? lockDataDir(dataDir) : () => {};
  try {
    const options = { extensions: PGLITE_EXTENSIONS };
    const client = dataDir ? await PGlite.create(path.join(dataDir, "pglite"), options) : await PGlite.create(options);
    const db = drizzlePglite(client, { schema, casing: "snake_case" });
    await migratePglite(db, { migrationsFolder });
    return {
      db: db as unknown as Db,
      driver: "pglite",
      close: async () => {
        await client.close();
        release();
      },
      listen: async (channel, onNotify, onListen) => {
        await client.listen(channel, onNotify);
        onListen();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}
