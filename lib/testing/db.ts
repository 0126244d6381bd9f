// Real databases for tests: PGlite in memory always, PostgreSQL too when DATABASE_URL is set
// (a fresh database per call, dropped afterwards). No mocks.
import { randomBytes } from "node:crypto";
import { count } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import postgres from "postgres";
import { openDatabase, type OpenDatabase } from "@/db/open";
import type { SeedOptions } from "@/db/seed";

export type Driver = "pglite" | "postgres";

export const drivers: Driver[] = process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

export interface TestDatabase extends OpenDatabase {
  url?: string;
}

export async function createTestDatabase(driver: Driver, seed: SeedOptions | false = {}): Promise<TestDatabase> {
  if (driver === "pglite") return openDatabase({ seed });
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error("DATABASE_URL is not set");
  const name = `t_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const opened = await openDatabase({ url: url.toString(), seed, poolSize: 5 });
  return {
    ...opened,
    url: url.toString(),
    close: async () => {
      await opened.close();
      const dropper = postgres(base, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists "${name}" with (force)`);
      await dropper.end();
    },
  };
}

/** How many rows each table holds, under the names given: what a refused or replayed call must leave as it was. */
export async function rowCounts<K extends string>(
  db: TestDatabase["db"],
  tables: Record<K, PgTable>,
): Promise<Record<K, number>> {
  const out = {} as Record<K, number>;
  for (const [name, table] of Object.entries(tables) as [K, PgTable][])
    out[name] = (await db.select({ n: count() }).from(table))[0]!.n;
  return out;
}
