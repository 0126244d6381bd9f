// Fixed-window rate limiting in the database: the limit is enforced per key, keys are independent,
// and a key's counter restarts once its window has passed.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabaseForTests } from "@/db/client";
import { rateLimitBuckets } from "@/db/schema";
import { consume, hashKey } from "@/lib/rate-limit";
import { createTestDatabase, drivers, type TestDatabase } from "@/lib/testing/db";

const limit = { limit: 5, windowSeconds: 60 };

describe.each(drivers)("consume (%s)", (driver) => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await createTestDatabase(driver, false);
    useDatabaseForTests(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  const hits = async (key: string, n: number) => {
    const out: boolean[] = [];
    for (let i = 0; i < n; i++) out.push(await consume(key, limit));
    return out;
  };

  const bucket = async (key: string) =>
    (await t.db.select().from(rateLimitBuckets).where(eq(rateLimitBuckets.key, key)))[0];

  it("allows `limit` hits in a window and refuses the next ones", async () => {
    const key = `email:${hashKey("a@example.net")}`;
    expect(await hits(key, 5)).toEqual([true, true, true, true, true]);
    expect(await consume(key, limit)).toBe(false);
    expect(await consume(key, limit)).toBe(false);
    expect((await bucket(key))?.count).toBe(7);
  });

  it("counts each key independently", async () => {
    const a = "ip:198.51.100.1";
    const b = "ip:198.51.100.2";
    expect(await hits(a, 6)).toEqual([true, true, true, true, true, false]);
    expect(await consume(b, limit)).toBe(true);
    expect((await bucket(b))?.count).toBe(1);
    expect(await consume(a, limit)).toBe(false);
  });

  it("counts concurrent hits exactly (one atomic upsert per hit)", async () => {
    const key = "ip:192.0.2.99";
    const results = await Promise.all(Array.from({ length: 12 }, () => consume(key, limit)));
    expect(results.filter(Boolean)).toHaveLength(5);
    expect((await bucket(key))?.count).toBe(12);
  });

  it("restarts the counter once the window has passed", async () => {
    const key = "ip:203.0.113.7";
    expect(await hits(key, 6)).toEqual([true, true, true, true, true, false]);

    // Still inside the window (59 s ago): refused.
    await t.db
      .update(rateLimitBuckets)
      .set({ windowStart: sql`now() - interval '59 seconds'` })
      .where(eq(rateLimitBuckets.key, key));
    expect(await consume(key, limit)).toBe(false);

    // The window has passed: the counter restarts at 1 with a fresh window.
    await t.db
      .update(rateLimitBuckets)
      .set({ windowStart: sql`now() - interval '61 seconds'` })
      .where(eq(rateLimitBuckets.key, key));
    expect(await consume(key, limit)).toBe(true);
    const row = await bucket(key);
    expect(row?.count).toBe(1);
    expect(Date.now() - (row?.windowStart.getTime() ?? 0)).toBeLessThan(30_000);

    expect(await hits(key, 5)).toEqual([true, true, true, true, false]);
  });
});
