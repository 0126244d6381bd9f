// The request's actor comes from the database session named by the cookie, roles included, in one
// query: unexpired sessions only, and a session in use is extended as Auth.js would (once a day, to
// its full lifetime).
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabaseForTests } from "@/db/client";
import { consultations, memberships, organisations, roleGrants, sessions, users } from "@/db/schema";
import { createTestDatabase, drivers, type TestDatabase } from "@/lib/testing/db";
import { loadActor, sessionActor } from "./actor";

const DAY = 24 * 3600 * 1000;
const MAX_AGE = 30 * DAY;

describe.each(drivers)("sessionActor (%s)", (driver) => {
  let t: TestDatabase;
  let userId: string;
  const now = new Date("2026-11-29T12:00:00Z");

  beforeAll(async () => {
    t = await createTestDatabase(driver);
    useDatabaseForTests(t);
    const [u] = await t.db
      .insert(users)
      .values({ email: "session-user@example.org", locale: "fr" })
      .returning({ id: users.id });
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

  const expiresOf = async (token: string) =>
    (await t.db.select({ e: sessions.expires }).from(sessions).where(eq(sessions.sessionToken, token)))[0]!.e.getTime();

  it("returns the session's actor with one lookup, and nobody for an unknown or expired token", async () => {
    expect(await sessionActor("fresh", MAX_AGE, now)).toEqual({
      userId,
      email: "session-user@example.org",
      name: null,
      locale: "fr",
      memberships: [],
      anchorOf: [],
      secretariat: false,
    });
    expect(await sessionActor("nope", MAX_AGE, now)).toBeNull();
    expect(await sessionActor("expired", MAX_AGE, now)).toBeNull();
  });

  it("extends a session last extended more than a day ago, and leaves a fresh one alone", async () => {
    const fresh = await expiresOf("fresh");
    await sessionActor("fresh", MAX_AGE, now);
    expect(await expiresOf("fresh")).toBe(fresh);
    await sessionActor("old", MAX_AGE, now);
    expect(await expiresOf("old")).toBe(now.getTime() + MAX_AGE);
  });

  it("carries every membership and role grant, as loadActor reads them", async () => {
    const [c] = await t.db.select({ id: consultations.id }).from(consultations).limit(1);
    const orgs = await t.db
      .insert(organisations)
      .values([
        { name: "Org A", country: "TH", type: "diaspora", locale: "fr", contactEmail: "a@example.org" },
        { name: "Org B", country: "LB", type: "grassroots", locale: "ar", contactEmail: "b@example.org" },
      ])
      .returning({ id: organisations.id });
    await t.db.insert(memberships).values([
      { userId, organisationId: orgs[0]!.id, role: "owner" },
      { userId, organisationId: orgs[1]!.id, role: "member" },
    ]);
    await t.db.insert(roleGrants).values([
      { userId, role: "anchor", consultationId: c!.id },
      { userId, role: "secretariat" },
    ]);
    const actor = await sessionActor("fresh", MAX_AGE, now);
    expect(actor?.memberships).toEqual(
      expect.arrayContaining([
        { organisationId: orgs[0]!.id, role: "owner" },
        { organisationId: orgs[1]!.id, role: "member" },
      ]),
    );
    expect(actor?.memberships).toHaveLength(2);
    expect(actor?.anchorOf).toEqual([c!.id]);
    expect(actor?.secretariat).toBe(true);
    expect(await loadActor(userId)).toEqual(actor);
  });
});
