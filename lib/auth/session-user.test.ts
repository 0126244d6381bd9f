// The request's user comes from the database session named by the cookie: unexpired sessions only,
// and a session in use is extended as Auth.js would (once a day, to its full lifetime).
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabaseForTests } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { createTestDatabase, drivers, type TestDatabase } from "@/lib/testing/db";
import { sessionUser } from "./actor";

const DAY = 24 * 3600 * 1000;
const MAX_AGE = 30 * DAY;

describe.each(drivers)("sessionUser (%s)", (driver) => {
  let t: TestDatabase;
  let userId: string;
  const now = new Date("2026-11-29T12:00:00Z");

  beforeAll(async () => {
    t = await createTestDatabase(driver, false);
    useDatabaseForTests(t);
    const [u] = await t.db.insert(users).values({ email: "session-user@example.org", locale: "fr" }).returning({ id: users.id });
    userId = u!.id;
    await t.db.insert(sessions).values([
      { sessionToken: "fresh", userId, expires: new Date(now.getTime() + MAX_AGE - 3600 * 1000) },
      { sessionToken: "old", userId, expires: new Date(now.getTime() + 5 * DAY) },
      { sessionToken: "expired", userId, expires: new Date(now.getTime() - 1000) },
    ]);
  });
  afterAll(async () => {
    await t?.close();
  });

  const expiresOf = async (token: string) => (await t.db.select({ e: sessions.expires }).from(sessions).where(eq(sessions.sessionToken, token)))[0]!.e.getTime();

  it("returns the session's user with one lookup, and nobody for an unknown or expired token", async () => {
    expect(await sessionUser("fresh", MAX_AGE, now)).toMatchObject({ id: userId, email: "session-user@example.org", locale: "fr" });
    expect(await sessionUser("nope", MAX_AGE, now)).toBeNull();
    expect(await sessionUser("expired", MAX_AGE, now)).toBeNull();
  });

  it("extends a session last extended more than a day ago, and leaves a fresh one alone", async () => {
    const fresh = await expiresOf("fresh");
    await sessionUser("fresh", MAX_AGE, now);
    expect(await expiresOf("fresh")).toBe(fresh);
    await sessionUser("old", MAX_AGE, now);
    expect(await expiresOf("old")).toBe(now.getTime() + MAX_AGE);
  });
});
