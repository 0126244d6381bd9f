import "server-only";
// Fixed-window counters in PostgreSQL, so every app instance shares them. Keys hold no personal
// data: e-mail addresses are hashed before they become part of a key.
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rateLimitBuckets } from "@/db/schema";

export interface Limit {
  limit: number;
  windowSeconds: number;
}

/** Counts one hit on `key`; true when it is within the limit. */
export async function consume(key: string, { limit, windowSeconds }: Limit): Promise<boolean> {
  const db = await getDb();
  const expired = sql`${rateLimitBuckets.windowStart} <= now() - make_interval(secs => ${windowSeconds})`;
  const [row] = await db
    .insert(rateLimitBuckets)
    .values({ key, windowStart: sql`now()`, count: 1 })
    .onConflictDoUpdate({
      target: rateLimitBuckets.key,
      set: {
        count: sql`case when ${expired} then 1 else ${rateLimitBuckets.count} + 1 end`,
        windowStart: sql`case when ${expired} then now() else ${rateLimitBuckets.windowStart} end`,
      },
    })
    .returning({ count: rateLimitBuckets.count });
  return (row?.count ?? Number.POSITIVE_INFINITY) <= limit;
}

export const hashKey = (value: string) =>
  createHash("sha256").update(value.trim().toLowerCase()).digest("hex").slice(0, 32);
