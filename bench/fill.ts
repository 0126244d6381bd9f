// Synthetic submissions for the benchmarks (bench/queue.ts, bench/load.ts): deterministic text in
// five languages from bench/corpus.ts, loaded with COPY into a migrated and seeded database.
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import type postgres from "postgres";
import { countryCodes } from "@/lib/i18n/countries";
import { benchLanguages, orgNameParts, regionCountries, regionLanguages, type BenchLanguage } from "./corpus";
import { copyRows, int, mulberry32, pick, sample, texts, weighted, withoutSubmissionIndexes } from "./generate";

const DAY = 86_400_000;
const round = (x: number) => Math.round(x * 100) / 100;

export interface FillResult {
  organisations: number;
  registrations: number;
  generation: {
    generateSeconds: number;
    copySeconds: number;
    indexSeconds: number;
    vacuumAnalyzeSeconds: number;
    totalSeconds: number;
  };
}

/**
 * Adds `rows` submissions from `orgCount` new organisations (and their registrations) to the seven
 * consultations: secondary indexes dropped for the COPY and rebuilt identically, then VACUUM ANALYZE.
 */
export async function fillSubmissions(
  sql: postgres.Sql,
  cons: { id: string; slug: string; code: string }[],
  { rows: ROWS, orgs: ORGS, log = () => {} }: { rows: number; orgs: number; log?: (...a: unknown[]) => void },
): Promise<FillResult> {
  log(`\nGenerating ${ROWS} submissions from ${ORGS} organisations …`);
  const t0 = performance.now();
  const r = mulberry32(20170804);
  const countries = countryCodes as readonly string[];
  const orgTypes = [
    "ngo",
    "migrant_led",
    "diaspora",
    "grassroots",
    "trade_union",
    "faith_based",
    "academia",
    "other",
  ] as const;
  const now = Date.now();
  const windowStart = now - 90 * DAY;

  interface Org {
    id: string;
    home: number;
    lang: BenchLanguage;
  }
  const orgs: Org[] = [];
  const orgRows: unknown[][] = [];
  const names = new Intl.DisplayNames(["en"], { type: "region" });
  for (let i = 0; i < ORGS; i++) {
    const home = int(r, 0, cons.length - 1);
    const pool = (regionCountries[cons[home]!.slug] ?? countries).filter((c) => countries.includes(c));
    const country = r() < 0.85 ? pick(r, pool) : pick(r, countries);
    const lang = benchLanguages[weighted(r, regionLanguages[cons[home]!.slug] ?? [1, 1, 1, 1, 1])]!;
    const id = randomUUID();
    orgs.push({ id, home, lang });
    const created = new Date(windowStart - int(r, 30, 700) * DAY);
    orgRows.push([
      id,
      `${pick(r, orgNameParts.prefixes)} ${pick(r, orgNameParts.focus)} (${names.of(country) ?? country}) ${i + 1}`,
      r() < 0.4 ? `O${i + 1}` : null,
      country,
      orgTypes[weighted(r, [35, 12, 10, 15, 6, 7, 10, 5])],
      [...new Set([lang, "en"])],
      `contact${i + 1}@org${i + 1}.example.org`,
      lang === "pt" ? "en" : lang,
      r() < 0.6 ? new Date(created.getTime() + 5 * DAY) : null,
      created,
      created,
    ]);
  }
  // Registrations: each organisation in its home consultation (90%), a fifth also in another one.
  const registered: string[][] = cons.map(() => []);
  const regRows: unknown[][] = [];
  const regStatuses = ["confirmed", "pending", "waitlisted", "declined", "withdrawn"];
  for (const o of orgs) {
    const where = new Set<number>();
    if (r() < 0.9) where.add(o.home);
    if (r() < 0.2) where.add(int(r, 0, cons.length - 1));
    for (const c of where) {
      registered[c]!.push(o.id);
      const status = regStatuses[weighted(r, [50, 20, 10, 10, 10])]!;
      const at = new Date(windowStart - int(r, 1, 60) * DAY);
      regRows.push([
        randomUUID(),
        cons[c]!.id,
        o.id,
        status,
        status === "confirmed" ? int(r, 0, 3) : 0,
        status === "waitlisted" ? at : null,
        at,
        at,
        at,
      ]);
    }
  }

  // Submission metadata now; the text is generated while streaming (per-row seed: deterministic).
  const statuses = [
    "draft",
    "submitted",
    "accepted",
    "changes_requested",
    "rejected",
    "withdrawn",
    "duplicate",
  ] as const;
  interface Sub {
    c: number;
    org: string;
    lang: BenchLanguage;
    status: (typeof statuses)[number];
    at: number | null;
    ref: string | null;
  }
  const subs: Sub[] = [];
  const allOrgIds = orgs.map((o) => o.id);
  const orgLangs = new Map(orgs.map((o) => [o.id, o.lang]));
  // The seven regions' shares, repeated for a second round's consultations (bench:queue, BENCH_ROUNDS).
  const shares = cons.map((_, i) => [1.05, 0.95, 1.1, 0.9, 1.0, 1.05, 0.95][i % 7]!);
  for (let i = 0; i < ROWS; i++) {
    const c = weighted(r, shares);
    const pool = registered[c]!.length && r() < 0.85 ? registered[c]! : allOrgIds;
    // Skewed: a few organisations submit many inputs, most a handful.
    const org = pool[Math.floor(pool.length * r() ** 1.6)]!;
    const orgLang = orgLangs.get(org);
    const lang =
      orgLang && r() < 0.7 ? orgLang : benchLanguages[weighted(r, regionLanguages[cons[c]!.slug] ?? [1, 1, 1, 1, 1])]!;
    const status = statuses[weighted(r, [3, 54, 22, 9, 5, 4, 3])]!;
    subs.push({
      c,
      org,
      lang,
      status,
      at: status === "draft" ? null : windowStart + Math.floor(r() * 90 * DAY),
      ref: null,
    });
  }
  // References in submission order, unique per consultation (CODE-0001 …).
  const lastRef = cons.map(() => 0);
  for (const s of [...subs].filter((s) => s.at !== null).sort((a, b) => a.at! - b.at!)) {
    s.ref = `${cons[s.c]!.code}-${String(++lastRef[s.c]!).padStart(4, "0")}`;
  }
  const tGen = performance.now();

  // ------------------------------------------------------------ load
  // Secondary indexes of submissions are dropped for the load and rebuilt identically after it.
  const rebuildIndexes = await withoutSubmissionIndexes(sql);

  await copyRows(
    sql,
    "organisations",
    [
      "id",
      "name",
      "acronym",
      "country",
      "type",
      "working_languages",
      "contact_email",
      "locale",
      "verified_at",
      "created_at",
      "updated_at",
    ],
    orgRows,
  );
  await copyRows(
    sql,
    "registrations",
    [
      "id",
      "consultation_id",
      "organisation_id",
      "status",
      "in_person_seats",
      "waitlisted_at",
      "consent_at",
      "created_at",
      "updated_at",
    ],
    regRows,
  );
  const subColumns = [
    "id",
    "consultation_id",
    "organisation_id",
    "reference",
    "status",
    "title",
    "themes",
    "summary",
    "body",
    "recommendations",
    "countries",
    "language",
    "contact_name",
    "contact_email",
    "publication",
    "keywords",
    "channel",
    "version",
    "submitted_at",
    "created_at",
    "updated_at",
  ];
  function* subRows(part: number, parts: number): Generator<unknown[]> {
    for (let i = part; i < subs.length; i += parts) {
      const s = subs[i]!;
      const rr = mulberry32(i * 2654435761 + 17);
      const t = texts(rr, s.lang);
      const slug = cons[s.c]!.slug;
      const pool = (regionCountries[slug] ?? countries).filter((c) => countries.includes(c));
      const n = [1, 2, 3][weighted(rr, [60, 30, 10])]!;
      const ctry = sample(rr, rr() < 0.85 ? pool : countries, n);
      const themes = sample(rr, [1, 2, 3, 4, 5, 6], [1, 2, 3][weighted(rr, [45, 35, 20])]!).sort((a, b) => a - b);
      const submitted = s.at === null ? null : new Date(s.at);
      const created = new Date(
        (s.at ?? windowStart + rr() * 90 * DAY) - int(rr, 0, 10) * DAY - int(rr, 0, 86_399) * 1000,
      );
      const kw =
        s.status === "accepted" || s.status === "duplicate"
          ? sample(
              rr,
              ["labour", "health", "women", "children", "climate", "return", "data", "detention"],
              int(rr, 0, 3),
            )
          : [];
      yield [
        randomUUID(),
        cons[s.c]!.id,
        s.org,
        s.ref,
        s.status,
        t.title,
        themes,
        t.summary,
        t.body,
        t.recommendations,
        ctry,
        s.lang,
        `Contact ${i + 1}`,
        `contact${i + 1}@example.net`,
        ["named", "anonymous", "none"][weighted(rr, [50, 20, 30])],
        kw,
        ["web", "email", "paper", "voice"][weighted(rr, [90, 6, 3, 1])],
        s.status === "submitted" ? 1 : int(rr, 1, 3),
        submitted,
        created,
        submitted ?? created,
      ];
    }
  }
  // Two COPY streams: the generated tsvector is computed by the server, one core each.
  await Promise.all([0, 1].map((p) => copyRows(sql, "submissions", subColumns, subRows(p, 2))));
  for (const [i, c] of cons.entries())
    await sql`update consultations set last_reference = ${lastRef[i]!} where id = ${c.id}`;
  const tCopy = performance.now();

  // Rebuild the indexes (two at a time), then check they are exactly the ones the migrations made.
  await rebuildIndexes();
  const tIndex = performance.now();
  // VACUUM sets the visibility map as autovacuum would on a live table; ANALYZE the statistics.
  await sql`vacuum (analyze) submissions`;
  await sql`vacuum (analyze) organisations`;
  await sql`vacuum (analyze) registrations`;
  const tAnalyze = performance.now();
  const generation = {
    generateSeconds: round((tGen - t0) / 1000),
    copySeconds: round((tCopy - tGen) / 1000),
    indexSeconds: round((tIndex - tCopy) / 1000),
    vacuumAnalyzeSeconds: round((tAnalyze - tIndex) / 1000),
    totalSeconds: round((tAnalyze - t0) / 1000),
  };
  return { organisations: orgRows.length, registrations: regRows.length, generation };
}
