// The PostgreSQL file store on each driver: bytes come back exactly as written (as a plain
// Uint8Array), a missing key reads as null, writes follow the caller's transaction, delete removes.
import { randomBytes, randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabaseForTests } from "@/db/client";
import { storedFiles } from "@/db/schema";
import { fileStore, postgresStore } from "@/lib/storage";
import { createTestDatabase, drivers, type TestDatabase } from "@/lib/testing/db";

const sameBytes = (a: Uint8Array | null, b: Uint8Array) => a !== null && Buffer.from(a).equals(Buffer.from(b));

describe.each(drivers)("postgresStore (%s)", (driver) => {
  let t: TestDatabase;
  const store = postgresStore;

  beforeAll(async () => {
    t = await createTestDatabase(driver, false);
    useDatabaseForTests(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  const newKey = () => `att/${randomUUID()}`;

  it("is the store in use", () => {
    expect(fileStore()).toBe(postgresStore);
  });

  it("returns 2 MB of random bytes byte for byte, as a plain Uint8Array", async () => {
    const key = newKey();
    const data = new Uint8Array(randomBytes(2 * 1024 * 1024));
    await store.put(t.db, key, data);

    const got = await store.get(key);
    expect(got?.constructor).toBe(Uint8Array);
    expect(got?.byteLength).toBe(data.byteLength);
    expect(sameBytes(got, data)).toBe(true);

    // Stored as bytes, not as the base64 text that carries them.
    const [row] = await t.db
      .select({ length: sql<number>`octet_length(${storedFiles.data})`.mapWith(Number) })
      .from(storedFiles)
      .where(eq(storedFiles.key, key));
    expect(row?.length).toBe(data.byteLength);
  });

  it("keeps every byte value, NUL and high bytes included, and empty contents", async () => {
    const key = newKey();
    const data = Uint8Array.from({ length: 256 }, (_, i) => i);
    await store.put(t.db, key, data);
    const got = await store.get(key);
    expect(Array.from(got ?? [])).toEqual(Array.from(data));
    // Its own memory, not a window on a shared pool.
    expect(got?.buffer.byteLength).toBe(data.byteLength);

    const empty = newKey();
    await store.put(t.db, empty, new Uint8Array());
    expect((await store.get(empty))?.byteLength).toBe(0);
  });

  it("reads a missing key as null", async () => {
    expect(await store.get(newKey())).toBeNull();
  });

  it("overwrites a key, as an object store would", async () => {
    const key = newKey();
    await store.put(t.db, key, Uint8Array.of(1, 2, 3));
    await store.put(t.db, key, Uint8Array.of(4, 5));
    expect(Array.from((await store.get(key)) ?? [])).toEqual([4, 5]);
  });

  it("deletes a key, and deleting a missing key is not an error", async () => {
    const key = newKey();
    const other = newKey();
    await store.put(t.db, key, Uint8Array.of(1));
    await store.put(t.db, other, Uint8Array.of(2));

    await store.delete(t.db, key);
    expect(await store.get(key)).toBeNull();
    expect(Array.from((await store.get(other)) ?? [])).toEqual([2]);
    await expect(store.delete(t.db, key)).resolves.toBeUndefined();
  });

  it("writes and deletes inside the caller's transaction", async () => {
    const key = newKey();
    const rollback = new Error("rollback");
    await expect(
      t.db.transaction(async (tx) => {
        await store.put(tx, key, Uint8Array.of(7));
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(await store.get(key)).toBeNull();

    await t.db.transaction((tx) => store.put(tx, key, Uint8Array.of(7)));
    await expect(
      t.db.transaction(async (tx) => {
        await store.delete(tx, key);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(Array.from((await store.get(key)) ?? [])).toEqual([7]);
  });
});
