// Migration 0006 (rounds) on a database as it stood before it: today's consultations, themes and
// inputs become the 2017 round's, every row otherwise unchanged. On PGlite, and on PostgreSQL when
// DATABASE_URL is set (a fresh database, dropped afterwards).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drivers, type Driver } from "@/lib/testing/db";
import { PGLITE_EXTENSIONS } from "./open";

const migrationsFolder = path.resolve("db/migrations");
const BEFORE = "0005_public_inputs_index";

/** A copy of the migrations folder whose journal stops at `last` (drizzle applies what its journal lists). */
function migrationsUpTo(last: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-"));
  fs.cpSync(migrationsFolder, dir, { recursive: true });
  const journalPath = path.join(dir, "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  const end = journal.entries.findIndex((e) => e.tag === last);
  if (end < 0) throw new Error(`no migration ${last}`);
  journal.entries = journal.entries.slice(0, end + 1);
  fs.writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

interface Handle {
  run(query: ReturnType<typeof sql>): Promise<Record<string, unknown>[]>;
  migrate(folder: string): Promise<void>;
  close(): Promise<void>;
}

async function open(driver: Driver): Promise<Handle> {
  if (driver === "pglite") {
    const client = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
    const db = drizzlePglite(client, { casing: "snake_case" });
    return {
      run: async (q) => (await db.execute(q)).rows as Record<string, unknown>[],
      migrate: (folder) => migratePglite(db, { migrationsFolder: folder }),
      close: () => client.close(),
    };
  }
  const base = process.env.DATABASE_URL!;
  const name = `t_rounds_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const client = postgres(url.toString(), { max: 1, onnotice: () => {} });
  const db = drizzlePostgres(client, { casing: "snake_case" });
  return {
    run: async (q) => [...(await db.execute(q))] as Record<string, unknown>[],
    migrate: (folder) => migratePostgres(db, { migrationsFolder: folder }),
    close: async () => {
      await client.end();
      const dropper = postgres(base, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists "${name}" with (force)`);
      await dropper.end();
    },
  };
}

// Every column of a table as JSON text, in a stable order: compared before and after.
const snapshot = (h: Handle, table: string, order: string) =>
  h
    .run(sql`select row_to_json(t)::text as j from ${sql.identifier(table)} t order by ${sql.identifier(order)}`)
    .then((rows) => rows.map((r) => JSON.parse(String(r.j)) as Record<string, unknown>));
const without = (rows: Record<string, unknown>[], ...keys: string[]) =>
  rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !keys.includes(k))));

describe.each(drivers)("migration 0006 (rounds) on %s", (driver) => {
  let h: Handle;
  let before: Record<string, Record<string, unknown>[]>;
  const tables = [
    ["consultations", "id"],
    ["themes", "id"],
    ["theme_translations", "name"],
    ["organisations", "id"],
    ["submissions", "id"],
    ["role_grants", "id"],
    ["users", "id"],
  ] as const;

  beforeAll(async () => {
    h = await open(driver);
    const upTo = migrationsUpTo(BEFORE);
    try {
      await h.migrate(upTo);
    } finally {
      fs.rmSync(upTo, { recursive: true, force: true });
    }
    // Today-shaped data, written as the schema of 0005 has it (no rounds).
    await h.run(sql`insert into consultations (slug, code, region, city, country, starts_on, ends_on, time_zone, anchors, status, last_reference, sort_order, version, in_person_capacity)
      values ('asia', 'ASIA', 'Asia', 'Bangkok', 'TH', '2017-08-04', '2017-08-05', 'Asia/Bangkok', 'Migrant Forum in Asia (MFA)', 'open', 3, 1, 4, 120),
             ('mena', 'MENA', 'Middle East and North Africa', 'Beirut', 'LB', '2017-08-24', '2017-08-25', 'Asia/Beirut', 'CCRM', 'closed', 42, 2, 1, null)`);
    for (let id = 1; id <= 6; id++) {
      await h.run(sql`insert into themes (id, slug) values (${id}, ${`theme-${id}`})`);
      for (const locale of ["en", "fr", "es", "ar"])
        await h.run(
          sql`insert into theme_translations (theme_id, locale, name) values (${id}, ${locale}::locale, ${`Theme ${id} ${locale}`})`,
        );
    }
    await h.run(
      sql`insert into users (id, email, name) values ('u-anchor', 'anchor.mena@example.org', 'Anchor'), ('u-owner', 'owner@example.org', 'Owner')`,
    );
    await h.run(
      sql`insert into role_grants (user_id, role, consultation_id) select 'u-anchor', 'anchor', id from consultations where slug = 'mena'`,
    );
    await h.run(
      sql`insert into organisations (name, country, type, contact_email) values ('Migrant Network', 'LB', 'migrant_led', 'owner@example.org')`,
    );
    await h.run(sql`insert into submissions (consultation_id, organisation_id, reference, status, title, themes, summary, body, submitted_at)
      select c.id, o.id, 'MENA-0042', 'accepted', 'Our input', '{1,3}'::smallint[], 'Summary', 'Body', '2017-08-20T10:00:00Z'
      from consultations c, organisations o where c.slug = 'mena'`);
    await h.run(sql`insert into submissions (consultation_id, organisation_id, title, themes)
      select c.id, o.id, 'A draft', '{6}'::smallint[] from consultations c, organisations o where c.slug = 'asia'`);
    before = {};
    for (const [table, order] of tables) before[table] = await snapshot(h, table, order);
    await h.migrate(migrationsFolder);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("makes the one round 2017, open, over its consultations' period, named in the four languages", async () => {
    const rounds = await h.run(
      sql`select slug, starts_on::text as starts_on, ends_on::text as ends_on, status, version from rounds`,
    );
    expect(rounds).toEqual([
      { slug: "2017", starts_on: "2017-08-04", ends_on: "2017-08-25", status: "open", version: 1 },
    ]);
    const names = await h.run(sql`select locale::text as locale, name from round_translations order by locale`);
    expect(names.map((n) => n.locale).sort()).toEqual(["ar", "en", "es", "fr"]);
  });

  it("leaves every row as it was, each consultation and theme in the 2017 round", async () => {
    const [round] = await h.run(sql`select id from rounds where slug = '2017'`);
    for (const [table, order] of tables) {
      const after = await snapshot(h, table, order);
      if (table === "consultations" || table === "themes") {
        for (const r of after) expect(r.round_id, `${table} ${String(r.id)}`).toBe(round!.id);
        expect(without(after, "round_id", "position", "group_id"), table).toEqual(before[table]);
      } else expect(after, table).toEqual(before[table]);
    }
    const themes = await h.run(sql`select id, position, group_id from themes order by id`);
    expect(themes).toEqual([1, 2, 3, 4, 5, 6].map((id) => ({ id, position: id, group_id: null })));
  });

  it("keeps the input's reference and themes, which are the 2017 round's topics", async () => {
    const rows = await h.run(sql`select s.reference, s.themes::text as themes, r.slug as round,
        (select count(*)::int from themes t where t.id = any(s.themes) and t.round_id = c.round_id) as own_topics
      from submissions s join consultations c on c.id = s.consultation_id join rounds r on r.id = c.round_id where s.reference is not null`);
    expect(rows).toEqual([{ reference: "MENA-0042", themes: "{1,3}", round: "2017", own_topics: 2 }]);
  });

  it("makes round_id required from now on", async () => {
    await expect(
      h.run(
        sql`insert into consultations (slug, code, region, city, country, starts_on, ends_on, time_zone, anchors) values ('x', 'X', 'X', 'X', 'FJ', '2025-01-01', '2025-01-02', 'UTC', 'x')`,
      ),
    ).rejects.toThrow();
    await expect(h.run(sql`insert into themes (id, slug) values (7, 'seven')`)).rejects.toThrow();
  });
});
