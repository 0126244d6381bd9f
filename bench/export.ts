// Benchmark of the inputs export (lib/exports/submissions.ts) on PostgreSQL with 100,000 inputs:
// the secretariat's export across all consultations as CSV (inputsCsv(peopleRows(…)), in English words) and as XLSX
// (exportSubmissions format "xlsx"), beside PostgreSQL's own COPY (SELECT the same columns) TO STDOUT
// WITH CSV of the same rows, in the same run. Every output is read to the end and discarded.
//
//   npm run bench:export    (= node --expose-gc --import tsx bench/export.ts)
//
// Each measurement runs in a fresh child process (this file again, BENCH_EXPORT_CHILD set) with the
// server's V8 heap cap (scripts/heap.mjs: --max-old-space-size=512, or APP_HEAP_MB), so its
// memory baseline is not the generator's: RSS and heapUsed are sampled every 50 ms; reported are the
// peak RSS, and the peaks of RSS and heapUsed above the baseline taken (after GC) just before the export.
// Environment: BENCH_DATABASE_URL or DATABASE_URL (admin connection; default
// postgres://postgres@127.0.0.1:5432/postgres), BENCH_ROWS (100000), BENCH_ORGS (10000), BENCH_REPS (3),
// BENCH_BATCHES (comma-separated exportRows batch sizes to compare for CSV, e.g. "250,1000,5000";
// default: none beyond the library's default), BENCH_KEEP=1 to keep the gcm_bench_export_<timestamp>
// database, BENCH_URL=<database url> to reuse a kept one (no generation). BENCH_EXPERIMENTS=1 also
// times candidate fixes (see below; BENCH_ONLY=<regex> picks some, BENCH_EXPERIMENT_REPS rounds).
// Prints the figures and, last, exactly one line of JSON.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import postgres from "postgres";
import type { SourceRow } from "@/lib/exports/columns";
import { countryCodes } from "@/lib/i18n/countries";
import { heapFlag } from "../scripts/heap.mjs";
import { registerServerOnlyStub } from "./server-only";
import { benchLanguages, orgNameParts, regionCountries, regionLanguages, type BenchLanguage } from "./corpus";
import { copyRows, int, mulberry32, pick, sample, texts, weighted, withoutSubmissionIndexes } from "./generate";

// "server-only" throws outside React Server Components. Unlike bench/queue.ts, this cannot run under
// --conditions=react-server: lib/exports imports lib/registrations, which imports next-intl, whose
// react-server build needs Next.js's bundler. So "server-only" alone resolves to an empty module (as
// vitest.config.ts aliases it), and lib/ is imported after that, dynamically.
registerServerOnlyStub();
const [
  { useDatabaseForTests: installDatabase },
  { openDatabase },
  { consultations },
  { loadActor },
  { inputsCsv, peopleRows, exportRows, exportSubmissions },
  { buildWorld },
  { loadExportLabels },
] = await Promise.all([
  import("@/db/client"),
  import("@/db/open"),
  import("@/db/schema"),
  import("@/lib/auth/actor"),
  import("@/lib/exports/submissions"),
  import("@/lib/testing/fixtures"),
  import("@/lib/exports/labels"),
]);

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const ORGS = Number(process.env.BENCH_ORGS ?? 10_000);
const REPS = Number(process.env.BENCH_REPS ?? 3);
const BATCHES = (process.env.BENCH_BATCHES ?? "").split(",").filter(Boolean).map(Number);
const TARGET_RATIO = 3;
const TARGET_MB = 300;
// Each export runs with the V8 heap cap the server runs with (scripts/heap.mjs, APP_HEAP_MB).
const SERVER_FLAGS = [heapFlag()];
const DAY = 86_400_000;
const MB = 1024 * 1024;

const log = (...a: unknown[]) => console.log(...a);
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

// ---------------------------------------------------------------- the COPY baseline: the export's columns, in SQL
const ts = (col: string) => `to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const yesNo = (col: string) => `case when ${col} is null then 'no' else 'yes' end`;
const COPY_SQL = `copy (
  select s.reference, c.code, c.region, s.status, s.title,
    array_to_string(s.themes, E'\\n'),
    (select string_agg(tt.name, E'\\n' order by u.ord) from unnest(s.themes) with ordinality u(id, ord)
      join theme_translations tt on tt.theme_id = u.id and tt.locale = 'en'),
    s.summary, s.body, array_to_string(s.recommendations, E'\\n'), array_to_string(s.countries, E'\\n'), s.language,
    array_to_string(s.keywords, E'\\n'), s.publication, ${yesNo("s.published_at")}, s.channel,
    o.name, o.type, o.country, ${yesNo("o.verified_at")}, coalesce(s.contact_name, ''), coalesce(s.contact_email, ''),
    ${ts("s.submitted_at")}, ${ts("s.updated_at")}
  from submissions s
  join organisations o on o.id = s.organisation_id
  join consultations c on c.id = s.consultation_id
  where s.status <> 'draft'
  order by s.submitted_at, s.id
) to stdout with (format csv, header)`;

// ---------------------------------------------------------------- child: one measurement in a fresh process
type Mode = "copy" | "csv" | "xlsx";
interface Measurement {
  mode: Mode;
  batch: number | null;
  ms: number;
  bytes: number;
  rows: number | null;
  baselineRssMB: number;
  peakRssMB: number;
  peakRssAboveBaselineMB: number;
  peakHeapAboveBaselineMB: number;
  baselineHeapMB: number;
  /** Buffers outside the JS heap (process.memoryUsage().arrayBuffers). */
  peakArrayBuffersAboveBaselineMB: number;
  samples: number;
}

async function child(mode: Mode): Promise<void> {
  const url = process.env.BENCH_EXPORT_URL!;
  const batch = process.env.BENCH_EXPORT_BATCH ? Number(process.env.BENCH_EXPORT_BATCH) : undefined;
  const opened = await openDatabase({ url, seed: false, poolSize: 4 });
  installDatabase(opened);
  // Experiment (xlsx zip level): exportSubmissions' WorkbookWriter is given zip: { zlib: { level } }, by
  // wrapping ExcelJS.stream.xlsx.WorkbookWriter (the same module instance lib/ uses) for this process.
  const zipLevel = process.env.BENCH_EXPORT_ZIP_LEVEL ? Number(process.env.BENCH_EXPORT_ZIP_LEVEL) : undefined;
  if (zipLevel !== undefined) {
    const xlsx = ExcelJS.stream.xlsx as { WorkbookWriter: new (o: Record<string, unknown>) => object };
    const Original = xlsx.WorkbookWriter;
    xlsx.WorkbookWriter = class extends Original {
      constructor(o: Record<string, unknown>) {
        super({ ...o, zip: { zlib: { level: zipLevel } } });
      }
    };
  }
  // Diagnostic (live): a full GC before every sample, so the peak is of live memory, not of garbage.
  const live = process.env.BENCH_EXPORT_LIVE === "1";
  const raw = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const actor = (await loadActor(process.env.BENCH_EXPORT_ACTOR!))!;
    await raw`select 1`;
    await exportRows({ actor, consultationId: null, filters: { sort: "newest" } }).next(); // connections open, theme names read
    const gc = (globalThis as { gc?: () => void }).gc;
    for (let i = 0; i < 3; i++) {
      gc?.();
      await new Promise((r) => setTimeout(r, 50));
    }
    const base = process.memoryUsage();
    let peakRss = base.rss;
    let peakHeap = base.heapUsed;
    let peakBuffers = base.arrayBuffers;
    let samples = 0;
    const sampleNow = () => {
      if (live) gc?.();
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
      peakBuffers = Math.max(peakBuffers, m.arrayBuffers);
      samples++;
    };
    const timer = setInterval(sampleNow, live ? 500 : 50);
    let bytes = 0;
    let rows: number | null = null;
    const t0 = performance.now();
    if (mode === "copy") {
      const stream = await raw.unsafe(COPY_SQL).readable();
      for await (const chunk of stream) bytes += (chunk as Buffer).length;
    } else if (mode === "csv") {
      let n = 0;
      const labels = await loadExportLabels("en");
      const counted = async function* (): AsyncGenerator<SourceRow> {
        for await (const r of peopleRows({
          actor,
          consultationId: null,
          filters: { sort: "newest" },
          ...(batch ? { batch } : {}),
        })) {
          n++;
          yield r;
        }
      };
      for await (const chunk of inputsCsv(counted(), labels)) bytes += (chunk as Buffer).length;
      rows = n;
    } else {
      const stream = await exportSubmissions({
        actor,
        consultationId: null,
        filters: { sort: "newest" },
        format: "xlsx",
      });
      const reader = stream.getReader();
      for (let r = await reader.read(); !r.done; r = await reader.read()) bytes += r.value.byteLength;
    }
    const ms = performance.now() - t0;
    clearInterval(timer);
    sampleNow();
    const out: Measurement = {
      mode,
      batch: mode === "csv" ? (batch ?? null) : null,
      ms: round(ms),
      bytes,
      rows,
      baselineRssMB: round(base.rss / MB, 1),
      peakRssMB: round(peakRss / MB, 1),
      peakRssAboveBaselineMB: round((peakRss - base.rss) / MB, 1),
      peakHeapAboveBaselineMB: round((peakHeap - base.heapUsed) / MB, 1),
      baselineHeapMB: round(base.heapUsed / MB, 1),
      peakArrayBuffersAboveBaselineMB: round((peakBuffers - base.arrayBuffers) / MB, 1),
      samples,
    };
    console.log(JSON.stringify(out));
  } finally {
    await raw.end({ timeout: 5 });
    await opened.close();
  }
}

interface ChildOptions {
  batch?: number;
  /** zlib level of the XLSX zip (exceljs's default is zlib's, 6). */
  zipLevel?: number;
  live?: boolean;
  /** Extra V8/Node flags for the child, e.g. --max-semi-space-size=64. */
  flags?: string[];
}
function runChild(mode: Mode, url: string, actorId: string, o: ChildOptions = {}): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [...process.execArgv, ...(o.flags ?? []), fileURLToPath(import.meta.url)], {
      env: {
        ...process.env,
        BENCH_EXPORT_CHILD: mode,
        BENCH_EXPORT_URL: url,
        BENCH_EXPORT_ACTOR: actorId,
        BENCH_EXPORT_BATCH: o.batch ? String(o.batch) : "",
        BENCH_EXPORT_ZIP_LEVEL: o.zipLevel === undefined ? "" : String(o.zipLevel),
        BENCH_EXPORT_LIVE: o.live ? "1" : "",
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    p.stdout.on("data", (d: Buffer) => (out += d.toString()));
    p.on("error", reject);
    p.on("close", (code) => {
      const last = out.trim().split("\n").at(-1) ?? "";
      if (code !== 0) return reject(new Error(`child ${mode} exited with ${code}: ${out}`));
      try {
        resolve(JSON.parse(last) as Measurement);
      } catch {
        reject(new Error(`child ${mode} printed no result: ${out}`));
      }
    });
  });
}

// ---------------------------------------------------------------- generation
async function generate(sql: postgres.Sql, url: string): Promise<{ secretariatId: string; seconds: number }> {
  const opened = await openDatabase({ url, seed: {} });
  installDatabase(opened);
  const db = opened.db;
  const t0 = performance.now();
  const world = await buildWorld(db, "bench");
  const cons = await db
    .select({ id: consultations.id, slug: consultations.slug, code: consultations.code })
    .from(consultations);
  await opened.close();

  log(`Generating ${ROWS} submissions from ${ORGS} organisations, with registrations and participants …`);
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
  const windowStart = Date.now() - 90 * DAY;
  const names = new Intl.DisplayNames(["en"], { type: "region" });
  const orgs: { id: string; home: number; lang: BenchLanguage }[] = [];
  const orgRows: unknown[][] = [];
  for (let i = 0; i < ORGS; i++) {
    const home = int(r, 0, cons.length - 1);
    const pool = (regionCountries[cons[home]!.slug] ?? countries).filter((c) => countries.includes(c));
    const country = r() < 0.85 ? pick(r, pool) : pick(r, countries);
    const lang = benchLanguages[weighted(r, regionLanguages[cons[home]!.slug] ?? [1, 1, 1, 1, 1])]!;
    const id = randomUUID();
    orgs.push({ id, home, lang });
    const created = new Date(windowStart - int(r, 30, 700) * DAY);
    // One in a hundred names starts like a formula: the export must neutralise it.
    const name = `${i % 100 === 0 ? "=" : ""}${pick(r, orgNameParts.prefixes)} ${pick(r, orgNameParts.focus)} (${names.of(country) ?? country}) ${i + 1}`;
    orgRows.push([
      id,
      name,
      country,
      orgTypes[weighted(r, [35, 12, 10, 15, 6, 7, 10, 5])],
      [...new Set([lang, "en"])],
      `contact${i + 1}@org${i + 1}.example.org`,
      lang === "pt" ? "en" : lang,
      r() < 0.6 ? created : null,
      created,
      created,
    ]);
  }
  const regRows: unknown[][] = [];
  const partRows: unknown[][] = [];
  const regStatuses = ["confirmed", "pending", "waitlisted", "declined", "withdrawn"];
  for (const [n, o] of orgs.entries()) {
    if (r() >= 0.9) continue;
    const id = randomUUID();
    const at = new Date(windowStart - int(r, 1, 60) * DAY);
    const status = regStatuses[weighted(r, [50, 20, 10, 10, 10])]!;
    const people = int(r, 1, 3);
    regRows.push([id, cons[o.home]!.id, o.id, status, status === "confirmed" ? people : 0, at, at, at]);
    for (let p = 1; p <= people; p++) {
      const inPerson = r() < 0.6;
      partRows.push([
        randomUUID(),
        id,
        p,
        `Participant ${n + 1}.${p}`,
        r() < 0.3 ? "Director" : null,
        `p${p}@org${n + 1}.example.org`,
        inPerson ? "in_person" : "remote",
        inPerson && r() < 0.3,
        r() < 0.5 ? pick(r, countries) : null,
        r() < 0.05 ? "Wheelchair access" : null,
        r() < 0.2 ? "fr" : null,
        r() < 0.1 ? "Vegetarian" : null,
        inPerson && r() < 0.2,
        null,
      ]);
    }
  }
  const statuses = [
    "draft",
    "submitted",
    "accepted",
    "changes_requested",
    "rejected",
    "withdrawn",
    "duplicate",
  ] as const;
  const subs: {
    c: number;
    org: string;
    lang: BenchLanguage;
    status: (typeof statuses)[number];
    at: number | null;
    ref: string | null;
  }[] = [];
  for (let i = 0; i < ROWS; i++) {
    const c = weighted(r, [1.05, 0.95, 1.1, 0.9, 1.0, 1.05, 0.95]);
    const o = orgs[Math.floor(orgs.length * r() ** 1.6)]!;
    const lang = r() < 0.7 ? o.lang : benchLanguages[weighted(r, regionLanguages[cons[c]!.slug] ?? [1, 1, 1, 1, 1])]!;
    const status = statuses[weighted(r, [3, 54, 22, 9, 5, 4, 3])]!;
    subs.push({
      c,
      org: o.id,
      lang,
      status,
      at: status === "draft" ? null : windowStart + Math.floor(r() * 90 * DAY),
      ref: null,
    });
  }
  const lastRef = cons.map(() => 0);
  for (const s of subs.filter((s) => s.at !== null).sort((a, b) => a.at! - b.at!))
    s.ref = `${cons[s.c]!.code}-${String(++lastRef[s.c]!).padStart(4, "0")}`;

  // Secondary indexes of submissions are dropped for the load and rebuilt identically after it.
  const rebuildIndexes = await withoutSubmissionIndexes(sql);
  await copyRows(
    sql,
    "organisations",
    [
      "id",
      "name",
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
    ["id", "consultation_id", "organisation_id", "status", "in_person_seats", "consent_at", "created_at", "updated_at"],
    regRows,
  );
  await copyRows(
    sql,
    "participants",
    [
      "id",
      "registration_id",
      "position",
      "name",
      "title",
      "email",
      "attendance",
      "visa_letter",
      "nationality",
      "accessibility",
      "interpretation_language",
      "dietary",
      "travel_support",
      "travel_support_reason",
    ],
    partRows,
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
    "published_at",
    "created_at",
    "updated_at",
  ];
  function* subRows(part: number, parts: number): Generator<unknown[]> {
    for (let i = part; i < subs.length; i += parts) {
      const s = subs[i]!;
      const rr = mulberry32(i * 2654435761 + 17);
      const t = texts(rr, s.lang, { formulaShare: 0.05 });
      const pool = (regionCountries[cons[s.c]!.slug] ?? countries).filter((c) => countries.includes(c));
      const ctry = sample(rr, rr() < 0.85 ? pool : countries, [1, 2, 3][weighted(rr, [60, 30, 10])]!);
      const themes = sample(rr, [1, 2, 3, 4, 5, 6], [1, 2, 3][weighted(rr, [45, 35, 20])]!).sort((a, b) => a - b);
      const submitted = s.at === null ? null : new Date(s.at);
      const created = new Date((s.at ?? windowStart + rr() * 90 * DAY) - int(rr, 0, 10) * DAY);
      const kw =
        s.status === "accepted"
          ? sample(
              rr,
              ["labour", "health", "women", "children", "climate", "return", "data", "detention"],
              int(rr, 0, 3),
            )
          : [];
      const published = s.status === "accepted" && rr() < 0.5 ? new Date(s.at! + DAY) : null;
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
        published,
        created,
        published ?? submitted ?? created,
      ];
    }
  }
  // Two COPY streams: the generated tsvector is computed by the server, one core each.
  await Promise.all([0, 1].map((p) => copyRows(sql, "submissions", subColumns, subRows(p, 2))));
  for (const [i, c] of cons.entries())
    await sql`update consultations set last_reference = ${lastRef[i]!} where id = ${c.id}`;
  await rebuildIndexes();
  for (const t of ["submissions", "organisations", "registrations", "participants"])
    await sql.unsafe(`vacuum (analyze) ${t}`);
  return { secretariatId: world.ids.secretariat, seconds: round((performance.now() - t0) / 1000, 1) };
}

// ---------------------------------------------------------------- main
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function main() {
  const adminUrl =
    process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
  const reuse = process.env.BENCH_URL;
  const name = reuse
    ? new URL(reuse).pathname.slice(1)
    : `gcm_bench_export_${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const benchUrl = reuse ?? url.toString();
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const [{ version }] = (await admin`select current_setting('server_version') as version`) as unknown as [
    { version: string },
  ];
  if (!reuse) {
    log(`PostgreSQL ${version}; creating database ${name}`);
    await admin.unsafe(`create database "${name}"`);
  }
  const sql = postgres(benchUrl, { max: 4, onnotice: () => {} });
  let result: string | undefined;
  try {
    let generationSeconds: number | null = null;
    let secretariatId: string;
    if (reuse) {
      const [s] = (await sql`select user_id from role_grants where role = 'secretariat' limit 1`) as unknown as [
        { user_id: string },
      ];
      secretariatId = s.user_id;
    } else {
      ({ secretariatId, seconds: generationSeconds } = await generate(sql, benchUrl));
    }
    const [counts] = (await sql`
      select count(*)::int as n, count(*) filter (where status <> 'draft')::int as exported,
        (select count(*)::int from participants) as participants,
        (select coalesce(sum(cardinality(recommendations)), 0)::int from submissions where status <> 'draft') as recommendations,
        pg_size_pretty(pg_total_relation_size('submissions')) as size
      from submissions`) as unknown as [
      { n: number; exported: number; participants: number; recommendations: number; size: string },
    ];
    log(
      `  ${counts.n} submissions (${counts.exported} exported, not drafts; ${counts.recommendations} recommendations), ${counts.participants} participants; table+indexes ${counts.size}${generationSeconds === null ? "" : `; generated and loaded in ${generationSeconds} s`}`,
    );

    const loadBefore = round(loadavg()[0]!);
    log(
      `\nExports of all consultations as the secretariat, ${REPS} runs each, every run in a fresh process with the server's ${SERVER_FLAGS.join(" ")} (${cpus().length} CPUs, load average ${loadBefore})`,
    );
    const runs: Measurement[] = [];
    for (let i = 0; i < REPS; i++) {
      for (const mode of ["copy", "csv", "xlsx"] as const) {
        const m = await runChild(mode, benchUrl, secretariatId, { flags: SERVER_FLAGS });
        runs.push(m);
        log(
          `  ${mode.padEnd(5)} run ${i + 1}: ${(m.ms / 1000).toFixed(2).padStart(7)} s  ${(counts.exported / (m.ms / 1000)).toFixed(0).padStart(7)} rows/s  ${(m.bytes / MB).toFixed(1).padStart(7)} MB out   peak RSS ${m.peakRssMB} MB (baseline ${m.baselineRssMB}, +${m.peakRssAboveBaselineMB})   heapUsed +${m.peakHeapAboveBaselineMB} MB (baseline ${m.baselineHeapMB})   buffers +${m.peakArrayBuffersAboveBaselineMB} MB`,
        );
        if (m.rows !== null && m.rows !== counts.exported)
          throw new Error(`CSV exported ${m.rows} rows, expected ${counts.exported}`);
      }
    }
    const summary = (mode: Mode) => {
      const rs = runs.filter((m) => m.mode === mode);
      const ms = median(rs.map((m) => m.ms));
      return {
        medianMs: round(ms),
        rowsPerSecond: Math.round(counts.exported / (ms / 1000)),
        megabytes: round(rs[0]!.bytes / MB, 1),
        peakRssMB: Math.max(...rs.map((m) => m.peakRssMB)),
        peakRssAboveBaselineMB: Math.max(...rs.map((m) => m.peakRssAboveBaselineMB)),
        peakHeapAboveBaselineMB: Math.max(...rs.map((m) => m.peakHeapAboveBaselineMB)),
      };
    };
    const copy = summary("copy");
    const csv = summary("csv");
    const xlsx = summary("xlsx");
    const ratio = round(csv.medianMs / copy.medianMs);
    const xlsxRatio = round(xlsx.medianMs / copy.medianMs);

    const batches: Record<
      string,
      { medianMs: number; rowsPerSecond: number; ratio: number; peakRssMB: number; peakHeapAboveBaselineMB: number }
    > = {};
    if (BATCHES.length) {
      log(`\nCSV with other exportRows batch sizes (${REPS} runs each)`);
      for (const b of BATCHES) {
        const rs: Measurement[] = [];
        for (let i = 0; i < REPS; i++)
          rs.push(await runChild("csv", benchUrl, secretariatId, { batch: b, flags: SERVER_FLAGS }));
        const ms = median(rs.map((m) => m.ms));
        batches[String(b)] = {
          medianMs: round(ms),
          rowsPerSecond: Math.round(counts.exported / (ms / 1000)),
          ratio: round(ms / copy.medianMs),
          peakRssMB: Math.max(...rs.map((m) => m.peakRssMB)),
          peakHeapAboveBaselineMB: Math.max(...rs.map((m) => m.peakHeapAboveBaselineMB)),
        };
        log(
          `  batch ${String(b).padStart(6)}: median ${(ms / 1000).toFixed(2)} s, ${batches[String(b)]!.rowsPerSecond} rows/s, CSV/COPY ${batches[String(b)]!.ratio}, peak RSS ${batches[String(b)]!.peakRssMB} MB`,
        );
      }
    }
    const experiments: Record<
      string,
      {
        mode: Mode;
        ms: number;
        rowsPerSecond: number;
        overCopy: number;
        peakRssMB: number;
        peakRssAboveBaselineMB: number;
        peakHeapAboveBaselineMB: number;
      }
    > = {};
    if (process.env.BENCH_EXPERIMENTS === "1") {
      // What drives time and memory; each candidate is the export as the server runs it plus one change.
      const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : null;
      const f = SERVER_FLAGS;
      const candidates: { name: string; mode: Mode; o: ChildOptions }[] = [
        { name: "csv", mode: "csv", o: { flags: f } },
        { name: "xlsx", mode: "xlsx", o: { flags: f } },
        { name: "csv, V8's default heap (no cap)", mode: "csv", o: {} },
        { name: "xlsx, V8's default heap (no cap)", mode: "xlsx", o: {} },
        { name: "csv, live heap (GC before each sample)", mode: "csv", o: { live: true, flags: f } },
        { name: "xlsx, live heap (GC before each sample)", mode: "xlsx", o: { live: true, flags: f } },
        { name: "csv, batch 250", mode: "csv", o: { batch: 250, flags: f } },
        { name: "csv, batch 5000", mode: "csv", o: { batch: 5000, flags: f } },
        { name: "csv, --max-old-space-size=256", mode: "csv", o: { flags: ["--max-old-space-size=256"] } },
        { name: "xlsx, --max-old-space-size=256", mode: "xlsx", o: { flags: ["--max-old-space-size=256"] } },
        { name: "xlsx, zip level 1", mode: "xlsx", o: { zipLevel: 1, flags: f } },
      ];
      // BENCH_EXPERIMENT_REPS rounds, candidates interleaved within each round (the machine's load
      // drifts); medians of time, maxima of memory. COPY runs in every round too: ratios are to it.
      const rounds = Number(process.env.BENCH_EXPERIMENT_REPS ?? 1);
      const chosen = [
        { name: "copy", mode: "copy" as const, o: {} },
        ...candidates.filter((c) => !only || only.test(c.name)),
      ];
      log(`\nExperiments (${rounds} round(s))`);
      const results = new Map<string, Measurement[]>();
      for (let round_ = 0; round_ < rounds; round_++) {
        for (const c of chosen) {
          const m = await runChild(c.mode, benchUrl, secretariatId, c.o);
          results.set(c.name, [...(results.get(c.name) ?? []), m]);
          log(
            `  ${c.name.padEnd(46)} ${(m.ms / 1000).toFixed(2).padStart(7)} s  ${(m.bytes / MB).toFixed(1).padStart(6)} MB out  peak RSS ${m.peakRssMB} MB (+${m.peakRssAboveBaselineMB})  heapUsed +${m.peakHeapAboveBaselineMB} MB  buffers +${m.peakArrayBuffersAboveBaselineMB} MB`,
          );
        }
      }
      const copyMs = median(results.get("copy")!.map((m) => m.ms));
      for (const [name, ms] of results) {
        const t = median(ms.map((m) => m.ms));
        experiments[name] = {
          mode: ms[0]!.mode,
          ms: round(t),
          rowsPerSecond: Math.round(counts.exported / (t / 1000)),
          overCopy: round(t / copyMs),
          peakRssMB: Math.max(...ms.map((m) => m.peakRssMB)),
          peakRssAboveBaselineMB: Math.max(...ms.map((m) => m.peakRssAboveBaselineMB)),
          peakHeapAboveBaselineMB: Math.max(...ms.map((m) => m.peakHeapAboveBaselineMB)),
        };
        const e = experiments[name]!;
        log(
          `  = ${name.padEnd(44)} median ${(t / 1000).toFixed(2).padStart(7)} s  ${String(e.rowsPerSecond).padStart(6)} rows/s  /COPY ${e.overCopy}  peak RSS ${e.peakRssMB} MB (+${e.peakRssAboveBaselineMB})  heapUsed +${e.peakHeapAboveBaselineMB} MB`,
        );
      }
    }
    const loadAfter = round(loadavg()[0]!);
    const csvOk = ratio <= TARGET_RATIO;
    const memOk = csv.peakRssMB < TARGET_MB && xlsx.peakRssMB < TARGET_MB;
    log(
      `\nSummary: CSV/COPY ${ratio} (target ≤ ${TARGET_RATIO}: ${csvOk ? "met" : "MISSED"}); XLSX/COPY ${xlsxRatio}; peak RSS CSV ${csv.peakRssMB} MB, XLSX ${xlsx.peakRssMB} MB (target < ${TARGET_MB}: ${memOk ? "met" : "MISSED"}); load average after ${loadAfter}`,
    );
    result = JSON.stringify({
      database: name,
      postgres: version,
      rows: counts.n,
      exportedRows: counts.exported,
      participants: counts.participants,
      reps: REPS,
      copy,
      csv,
      xlsx,
      csvOverCopy: ratio,
      xlsxOverCopy: xlsxRatio,
      ...(BATCHES.length ? { csvBatches: batches } : {}),
      ...(Object.keys(experiments).length ? { experiments } : {}),
      targets: { csvOverCopyMax: TARGET_RATIO, peakRssMBMax: TARGET_MB, csvOverCopyMet: csvOk, memoryMet: memOk },
      cpus: cpus().length,
      loadAverage: { before: loadBefore, after: loadAfter },
      generationSeconds,
    });
  } finally {
    await sql.end({ timeout: 5 });
    if (reuse || process.env.BENCH_KEEP === "1") log(`(kept database ${name}: ${benchUrl})`);
    else await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
  if (result) log(result);
}

const childMode = process.env.BENCH_EXPORT_CHILD as Mode | undefined;
(childMode ? child(childMode) : main()).catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
