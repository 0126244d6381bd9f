// The public pages' cache: served from memory, forgotten on every instance when a write notifies
// (here two "instances" are two pools on one PostgreSQL database), and never older than the TTL.
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { useDatabaseForTests } from "@/db/client";
import { openDatabase, type OpenDatabase } from "@/db/open";
import { consultations } from "@/db/schema";
import { getPublicConsultation } from "@/lib/consultations/queries";
import { createTestDatabase, drivers, type TestDatabase } from "@/lib/testing/db";
import { PUBLIC_DATA_TTL_MS } from "./freshness";
import { publicDataChanged } from ".";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const capacity = async () => (await getPublicConsultation({ slug: "pacific" }))?.inPersonCapacity;
async function until(want: number, ms: number): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < ms) {
    if ((await capacity()) === want) return performance.now() - t0;
    await sleep(10);
  }
  throw new Error(`capacity ${want} not seen within ${ms} ms (still ${await capacity()})`);
}

describe.each(drivers)("public data cache (%s)", (driver) => {
  let db: TestDatabase;
  let other: OpenDatabase | undefined;
  afterAll(async () => {
    await other?.close();
    await db?.close();
  });

  it(
    "serves from memory, forgets at a notifying write's commit, and is never older than the TTL",
    { timeout: 60_000 },
    async () => {
      db = await createTestDatabase(driver);
      useDatabaseForTests(db);
      const set = (n: number, via: OpenDatabase = db, notify = false) =>
        via.db.transaction(async (tx) => {
          await tx.update(consultations).set({ inPersonCapacity: n }).where(eq(consultations.slug, "pacific"));
          if (notify) await publicDataChanged(tx);
        });
      // The first read starts listening; once it listens, it forgets what it read before (a change
      // could have been missed meanwhile).
      await capacity();
      await sleep(300);
      await set(100);
      await sleep(PUBLIC_DATA_TTL_MS + 50);
      expect(await capacity()).toBe(100);

      // A write that does not notify: the cached value is served meanwhile…
      await set(101);
      expect(await capacity()).toBe(100);
      // …a write that notifies: seen at once after its commit.
      await set(102, db, true);
      await until(102, 1000);

      // Another instance (another pool on the same database) writes and notifies.
      if (driver === "postgres") {
        other = await openDatabase({ url: db.url!, seed: false, poolSize: 1 });
        expect(await capacity()).toBe(102);
        await set(103, other, true);
        const ms = await until(103, 1000);
        expect(ms).toBeLessThan(PUBLIC_DATA_TTL_MS);
      }

      // Without any notification, never older than the TTL.
      const t0 = performance.now();
      await set(104);
      await until(104, PUBLIC_DATA_TTL_MS + 500);
      expect(performance.now() - t0).toBeLessThan(PUBLIC_DATA_TTL_MS + 500);
    },
  );
});
