import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, drivers, type TestDatabase } from "@/lib/testing/db";
import { seed } from "./seed";
import { seedConsultations, seedThemes } from "./seed-data";
import {
  consultations,
  organisations,
  registrations,
  roleGrants,
  submissions,
  themeTranslations,
  users,
} from "./schema";

describe.each(drivers)("database on %s", (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(driver, { demoAccounts: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("applies every migration and seeds the seven consultations and six themes", async () => {
    const rows = await t.db.select().from(consultations).orderBy(consultations.sortOrder);
    expect(rows.map((r) => r.slug)).toEqual(seedConsultations.map((c) => c.slug));
    const [themeNames] = await t.db.select({ n: count() }).from(themeTranslations);
    expect(themeNames?.n).toBe(seedThemes.length * 4);
  });

  it("seeding twice changes nothing", async () => {
    const before = await snapshot(t);
    await seed(t.db, { demoAccounts: true });
    await seed(t.db, { demoAccounts: true });
    expect(await snapshot(t)).toEqual(before);
  });

  it("keeps the secretariat's edits to a consultation when seeding again", async () => {
    await t.db.update(consultations).set({ inPersonCapacity: 42 }).where(eq(consultations.slug, "pacific"));
    await seed(t.db, { demoAccounts: true });
    const [row] = await t.db.select().from(consultations).where(eq(consultations.slug, "pacific"));
    expect(row?.inPersonCapacity).toBe(42);
  });

  it("seeds one anchor per consultation and a secretariat user in demo mode", async () => {
    const grants = await t.db.select().from(roleGrants);
    expect(grants.filter((g) => g.role === "anchor")).toHaveLength(7);
    expect(grants.filter((g) => g.role === "secretariat")).toHaveLength(1);
  });

  it("enforces one registration per organisation per consultation in the schema", async () => {
    const [org] = await t.db.select().from(organisations).limit(1);
    const [c] = await t.db.select().from(consultations).limit(1);
    if (!org || !c) throw new Error("seed missing");
    const row = { consultationId: c.id, organisationId: org.id, consentAt: new Date() };
    await t.db.insert(registrations).values(row);
    await expect(t.db.insert(registrations).values(row)).rejects.toThrow();
  });

  it("refuses an anchor grant without a consultation", async () => {
    const [u] = await t.db.select().from(users).limit(1);
    if (!u) throw new Error("seed missing");
    await expect(t.db.insert(roleGrants).values({ userId: u.id, role: "anchor" })).rejects.toThrow();
  });

  it("indexes submissions for full-text search in Arabic, French and Spanish", async () => {
    const [org] = await t.db.select().from(organisations).limit(1);
    const [c] = await t.db.select().from(consultations).limit(1);
    if (!org || !c) throw new Error("seed missing");
    await t.db.insert(submissions).values([
      { consultationId: c.id, organisationId: org.id, title: "حقوق المهاجرين", language: "ar" },
      { consultationId: c.id, organisationId: org.id, title: "Les travailleuses domestiques", language: "fr" },
      { consultationId: c.id, organisationId: org.id, title: "Trabajadores migrantes", language: "es" },
    ]);
    const match = async (config: string, q: string) =>
      (
        await t.db
          .select({ title: submissions.title })
          .from(submissions)
          .where(sql`${submissions.search} @@ plainto_tsquery(${config}::regconfig, ${q})`)
      ).map((r) => r.title);
    expect(await match("simple", "المهاجرين")).toEqual(["حقوق المهاجرين"]);
    expect(await match("french", "travailleuse")).toEqual(["Les travailleuses domestiques"]);
    expect(await match("spanish", "trabajador")).toEqual(["Trabajadores migrantes"]);
  });
});

async function snapshot(t: TestDatabase) {
  const tables = { consultations, themeTranslations, users, organisations, roleGrants };
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) {
    const [r] = await t.db.select({ n: count() }).from(table);
    out[name] = r?.n ?? -1;
  }
  return out;
}

// postgres.js 3.4.9 leaves a connection dead after the database restarts, and can throw from a timer,
// unless patched at install (scripts/patch-postgres.mjs explains both bugs; `npm run bench:lost` shows it). The patch runs as
// "postinstall": a checkout installed without it would serve errors after every database restart.
describe("the PostgreSQL driver", () => {
  it("carries both reconnection fixes in every build of it that can be bundled", async () => {
    const fs = await import("node:fs");
    const path = await import("node:path");
    for (const rel of ["src/connection.js", "cjs/src/connection.js", "cf/src/connection.js"]) {
      const text = fs.readFileSync(path.join(process.cwd(), "node_modules", "postgres", rel), "utf8");
      // The pending flush forgotten in closed() and terminate(); no write on a closed socket.
      expect(text.match(/nextWriteTimer = chunk = null \/\/ patched/g), rel).toHaveLength(2);
      expect(text.match(/if \(!socket\) \{ \/\/ patched/g), rel).toHaveLength(1);
    }
  });
});
