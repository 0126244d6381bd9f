// Benchmark of the moderation queue (lib/moderation/queue.ts) on PostgreSQL with 100,000 inputs.
//
//   npm run bench:queue        (= node --conditions=react-server --import tsx bench/queue.ts)
//
// The react-server condition makes "server-only" resolve to its empty module, as in Next.js.
// Environment: BENCH_DATABASE_URL or DATABASE_URL (admin connection; default
// postgres://postgres@127.0.0.1:5432/postgres), BENCH_ROWS (100000), BENCH_ORGS (10000),
// BENCH_REPS (50), BENCH_WARMUP (5), BENCH_KEEP=1 to keep the gcm_bench_<timestamp> database,
// BENCH_ROUNDS (2): with 2, a second round copied from 2017 (its seven consultations and topics,
// lib/rounds createRound) takes its share of the inputs, so the 100,000 are spread over two rounds
// and the anchor of Asia 2017 moderates one consultation among fourteen.
// Prints the figures, EXPLAIN (ANALYZE, BUFFERS) plans, and last one line of JSON.
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import postgres from "postgres";
import { openDatabase, type OpenDatabase } from "@/db/open";
// Aliased: the name starts with "use", which the React hooks lint rule would take for a hook.
import { useDatabaseForTests as installDatabase } from "@/db/client";
import { eq } from "drizzle-orm";
import { consultations, rounds } from "@/db/schema";
import { createRound } from "@/lib/rounds";
import { getOverview, listQueue } from "@/lib/moderation/queue";
import type { QueueFilters } from "@/lib/moderation/schemas";
import type { Actor } from "@/lib/auth/actor";
import { buildWorld } from "@/lib/testing/fixtures";
import { fillSubmissions } from "./fill";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const ORGS = Number(process.env.BENCH_ORGS ?? 10_000);
const REPS = Number(process.env.BENCH_REPS ?? 50);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const PAGE = Number(process.env.BENCH_PAGE ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const TARGET_P95_MS = 100;
const SEARCH_EN = "remittances"; // common in English inputs
const SEARCH_FR = "apatridie"; // rare, in French inputs only

const log = (...a: unknown[]) => console.log(...a);

// ---------------------------------------------------------------- statistics
interface Stat {
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
}
const round = (x: number) => Math.round(x * 100) / 100;
function stats(t: number[]): Stat {
  const s = [...t].sort((a, b) => a - b);
  const rank = (p: number) => s[Math.max(0, Math.ceil(p * s.length) - 1)]!;
  const mid = s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  return { medianMs: round(mid), p95Ms: round(rank(0.95)), minMs: round(s[0]!), maxMs: round(s.at(-1)!) };
}
async function measure(name: string, fn: () => Promise<unknown>): Promise<Stat> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const t: number[] = [];
  for (let i = 0; i < REPS; i++) {
    const s = performance.now();
    await fn();
    t.push(performance.now() - s);
  }
  const st = stats(t);
  log(
    `  ${name.padEnd(26)} median ${st.medianMs.toFixed(2).padStart(8)} ms   p95 ${st.p95Ms.toFixed(2).padStart(8)} ms   (min ${st.minMs}, max ${st.maxMs})`,
  );
  return st;
}

// ---------------------------------------------------------------- main
async function main() {
  const adminUrl =
    process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `gcm_bench_${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const benchUrl = url.toString();
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const [{ version }] = (await admin`select current_setting('server_version') as version`) as unknown as [
    { version: string },
  ];
  log(`PostgreSQL ${version}; creating database ${name}`);
  await admin.unsafe(`create database "${name}"`);

  let opened: OpenDatabase | undefined;
  let raw: postgres.Sql | undefined;
  try {
    opened = await openDatabase({ url: benchUrl, seed: {} });
    installDatabase(opened);
    raw = postgres(benchUrl, { max: 10, onnotice: () => {} });
    const result = await run(opened, raw, name);
    log(JSON.stringify(result));
  } finally {
    await opened?.close();
    await raw?.end({ timeout: 5 });
    if (process.env.BENCH_KEEP === "1") log(`(kept database ${name}: ${benchUrl})`);
    else await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

async function run(opened: OpenDatabase, sql: postgres.Sql, dbName: string) {
  const db = opened.db;
  const world = await buildWorld(db, "bench");
  const anchor = await world.actor("anchorX"); // anchor of "asia"
  const secretariat = await world.actor("secretariat");
  if (ROUNDS >= 2) {
    const [first] = await db.select({ id: rounds.id }).from(rounds).where(eq(rounds.slug, "2017"));
    const names = {
      en: "Regional review 2026",
      fr: "Examen régional 2026",
      es: "Examen regional 2026",
      ar: "الاستعراض الإقليمي 2026",
    };
    await createRound({
      actor: secretariat,
      input: {
        slug: "2026",
        names,
        startsOn: "2026-01-01",
        endsOn: "2026-12-31",
        copyFrom: first!.id,
        copyAnchors: false,
        copyTopics: true,
      },
    });
  }
  const cons = await db
    .select({ id: consultations.id, slug: consultations.slug, code: consultations.code })
    .from(consultations);
  log(
    `  ${ROUNDS >= 2 ? "two rounds" : "one round"}: ${cons.length} consultations (${cons.map((c) => c.code).join(", ")})`,
  );
  const asia = cons.find((c) => c.slug === "asia")!;
  if (asia.id !== world.consultationX) throw new Error("fixture consultation X is not asia");

  // ------------------------------------------------------------ generate
  const {
    organisations: orgCount,
    registrations: regCount,
    generation,
  } = await fillSubmissions(sql, cons, { rows: ROWS, orgs: ORGS, log });
  const [counts] = (await sql`
    select count(*)::int as n, count(*) filter (where status = 'draft')::int as drafts,
      count(*) filter (where consultation_id = ${asia.id})::int as asia,
      pg_size_pretty(pg_total_relation_size('submissions')) as size
    from submissions`) as unknown as [{ n: number; drafts: number; asia: number; size: string }];
  log(
    `  ${counts.n} submissions (${counts.drafts} drafts, ${counts.asia} in asia), ${orgCount} organisations, ${regCount} registrations; table+indexes ${counts.size}`,
  );
  log(
    `  metadata ${generation.generateSeconds} s, COPY (text generated while streaming) ${generation.copySeconds} s, index rebuild ${generation.indexSeconds} s, VACUUM ANALYZE ${generation.vacuumAnalyzeSeconds} s; total ${generation.totalSeconds} s`,
  );
  const langMix = await sql`select language, count(*)::int as n from submissions group by 1 order by 2 desc`;
  log(`  languages: ${langMix.map((x) => `${x.language} ${x.n}`).join(", ")}`);

  // ------------------------------------------------------------ views
  const base: QueueFilters = { sort: "newest" };
  const anchorQueue = (filters: QueueFilters) => listQueue({ actor: anchor, consultationId: asia.id, filters });
  // Page 50 of status=submitted: walk the cursor 49 times (untimed).
  const page50Filters: QueueFilters = { sort: "newest", status: "submitted" };
  let cursor: string | null = null;
  for (let i = 0; i < PAGE - 1; i++) {
    const p: Awaited<ReturnType<typeof listQueue>> = await anchorQueue({
      ...page50Filters,
      after: cursor ?? undefined,
    });
    cursor = p.nextCursor;
    if (!cursor) throw new Error(`status=submitted has fewer than ${PAGE} pages (stopped at ${i + 1})`);
  }
  // A reference as an anchor types it, an organisation's exact name (one of 10,000) and a word that
  // one organisation name in twelve holds (about 800 organisations, their inputs through the index).
  const [someInput] =
    (await sql`select reference from submissions where consultation_id = ${asia.id} and status <> 'draft' order by submitted_at limit 1 offset 5000`) as unknown as [
      { reference: string },
    ];
  const [someOrg] =
    (await sql`select o.name from organisations o join submissions s on s.organisation_id = o.id and s.consultation_id = ${asia.id} group by o.name order by count(*) limit 1`) as unknown as [
      { name: string },
    ];
  const referenceTyped = someInput!.reference.toLowerCase().replace("-", " ");
  const orgWord = "Coalition";
  const views: Record<
    string,
    { label: string; fn: () => Promise<unknown>; filters?: QueueFilters; actor?: Actor; consultationId?: string | null }
  > = {
    searchReference: {
      label: `(e) q=${referenceTyped} (a reference)`,
      fn: () => anchorQueue({ ...base, q: referenceTyped }),
      filters: { ...base, q: referenceTyped },
    },
    searchOrgName: {
      label: `(f) q=organisation name`,
      fn: () => anchorQueue({ ...base, q: someOrg!.name }),
      filters: { ...base, q: someOrg!.name },
    },
    searchOrgWord: {
      label: `(f) q=${orgWord} (in ~1/12 of names)`,
      fn: () => anchorQueue({ ...base, q: orgWord }),
      filters: { ...base, q: orgWord },
    },
    noFilter: { label: "(a) no filter", fn: () => anchorQueue(base), filters: base },
    submittedTheme2: {
      label: "(b) status=submitted+theme=2",
      fn: () => anchorQueue({ ...base, status: "submitted", theme: 2 }),
      filters: { ...base, status: "submitted", theme: 2 },
    },
    searchEn: {
      label: `(c) q=${SEARCH_EN}`,
      fn: () => anchorQueue({ ...base, q: SEARCH_EN }),
      filters: { ...base, q: SEARCH_EN },
    },
    searchFr: {
      label: `(c) q=${SEARCH_FR}`,
      fn: () => anchorQueue({ ...base, q: SEARCH_FR }),
      filters: { ...base, q: SEARCH_FR },
    },
    page50: {
      label: `(d) page ${PAGE}, status=submitted`,
      fn: () => anchorQueue({ ...page50Filters, after: cursor! }),
      filters: { ...page50Filters, after: cursor! },
    },
    overview: { label: "overview (asia)", fn: () => getOverview({ actor: anchor, consultationId: asia.id }) },
    secretariatAll: {
      label: "secretariat, all, no filter",
      fn: () => listQueue({ actor: secretariat, consultationId: null, filters: base }),
      filters: base,
      actor: secretariat,
      consultationId: null,
    },
  };
  // Other processes on the machine skew the figures: report the load next to them.
  const loadBefore = round(loadavg()[0]!);
  log(
    `\nTiming (warm-up ${WARMUP}, ${REPS} timed repetitions each; in-process wall time of the lib/ call; ${cpus().length} CPUs, load average ${loadBefore})`,
  );
  const results: Record<string, Stat & { total?: number }> = {};
  for (const [key, v] of Object.entries(views)) {
    const st = await measure(v.label, v.fn);
    const page = (await v.fn()) as { total?: number };
    results[key] = { ...st, ...(typeof page.total === "number" ? { total: page.total } : {}) };
  }
  log(
    `  matches: ${Object.entries(results)
      .filter(([, v]) => v.total !== undefined)
      .map(([k, v]) => `${k} ${v.total}`)
      .join(", ")}`,
  );

  // ------------------------------------------------------------ baseline (no drizzle)
  const baseRows = () => sql`
    select s.id, s.consultation_id, s.reference, s.title, s.status, s.submitted_at, s.language, s.themes, s.countries,
      s.publication, s.keywords, s.version, s.channel, o.id as org_id, o.name as org_name, o.type as org_type, o.verified_at,
      exists (select 1 from registrations r where r.organisation_id = s.organisation_id and r.consultation_id = s.consultation_id
        and r.status in ('confirmed', 'waitlisted', 'pending')) as registered
    from submissions s join organisations o on o.id = s.organisation_id
    where s.status <> 'draft' and s.consultation_id = ${asia.id}
    order by s.submitted_at desc, s.id desc limit 51`;
  const baseCount = () => sql`
    select count(*)::int as n from submissions s join organisations o on o.id = s.organisation_id
    where s.status <> 'draft' and s.consultation_id = ${asia.id}`;
  log(`\nBaseline: view (a) as bare SQL through postgres-js (no drizzle)`);
  const baseline = await measure("rows query only", () => baseRows());
  const baselineWithCount = await measure("rows + count in parallel", () => Promise.all([baseRows(), baseCount()]));
  const ratio = round(results.noFilter!.medianMs / baseline.medianMs);
  const ratioWithCount = round(results.noFilter!.medianMs / baselineWithCount.medianMs);
  log(
    `  listQueue/baseline (medians): ${ratio} (rows only), ${ratioWithCount} (rows + count, i.e. the same work as listQueue)`,
  );

  const loadAfter = round(loadavg()[0]!);
  log(`  load average after timing: ${loadAfter}`);

  // ------------------------------------------------------------ plans
  // Capture the exact SQL and parameters listQueue sends (drizzle calls client.unsafe), then EXPLAIN them.
  const client = (db as unknown as { $client: postgres.Sql }).$client;
  const original = client.unsafe;
  let captured: { query: string; params: unknown[] }[] = [];
  (client as { unsafe: unknown }).unsafe = (query: string, params?: unknown[], opts?: unknown) => {
    captured.push({ query, params: params ?? [] });
    return (original as (...a: unknown[]) => unknown).call(client, query, params, opts);
  };
  // (a)–(d), then the views that missed the target in earlier runs (secretariat list, overview).
  const planViews = ["noFilter", "submittedTheme2", "searchEn", "searchFr", "page50", "secretariatAll"] as const;
  const indexUse: Record<string, { rows: string[]; count: string[]; rowsMs: number; countMs: number }> = {};
  log(`\nEXPLAIN (ANALYZE, BUFFERS) of the SQL listQueue sends (captured from the driver, same parameters)`);
  for (const key of planViews) {
    captured = [];
    await views[key]!.fn();
    const [rowsQ, countQ] = [
      captured.find((c) => /\blimit\b/i.test(c.query)),
      captured.find((c) => /count\(/i.test(c.query)),
    ];
    if (!rowsQ || !countQ) throw new Error(`could not capture the queries of ${key}`);
    const entry = { rows: [] as string[], count: [] as string[], rowsMs: 0, countMs: 0 };
    for (const [kind, q] of [
      ["rows", rowsQ],
      ["count", countQ],
    ] as const) {
      const plan = (
        await sql.unsafe(`explain (analyze, buffers) ${q.query}`, q.params as postgres.ParameterOrJSON<never>[])
      ).map((x) => x["QUERY PLAN"] as string);
      const used = [
        ...new Set(
          [
            ...plan
              .join("\n")
              .matchAll(/(Bitmap Index Scan|Index Only Scan|Index Scan)(?: Backward)? (?:using|on) (\S+)/g),
          ].map((m) => `${m[1]} ${m[2]}`),
        ),
      ];
      const ms = Number(/Execution Time: ([\d.]+)/.exec(plan.join("\n"))?.[1] ?? NaN);
      entry[kind] = used;
      entry[kind === "rows" ? "rowsMs" : "countMs"] = ms;
      log(`\n--- ${views[key]!.label} — ${kind} query`);
      log(q.query);
      log(`params: ${JSON.stringify(q.params)}`);
      log(plan.join("\n"));
      log(`=> index used: ${used.length ? `yes (${used.join("; ")})` : "NO (sequential scan)"}`);
    }
    indexUse[key] = entry;
  }
  // getOverview: five aggregates (then three small registration/capacity queries).
  captured = [];
  await views.overview!.fn();
  const overviewQueries = captured.filter((c) => c.query.includes('from "submissions"'));
  const overviewPlans: { indexes: string[]; ms: number }[] = [];
  for (const q of overviewQueries) {
    const plan = (
      await sql.unsafe(`explain (analyze, buffers) ${q.query}`, q.params as postgres.ParameterOrJSON<never>[])
    ).map((x) => x["QUERY PLAN"] as string);
    const text = plan.join("\n");
    const used = [
      ...new Set(
        [...text.matchAll(/(Bitmap Index Scan|Index Only Scan|Index Scan)(?: Backward)? (?:using|on) (\S+)/g)].map(
          (m) => `${m[1]} ${m[2]}`,
        ),
      ),
    ];
    overviewPlans.push({ indexes: used, ms: Number(/Execution Time: ([\d.]+)/.exec(text)?.[1] ?? NaN) });
    log(`\n--- overview (asia) — ${q.query.slice(0, 60)}…`);
    log(q.query);
    log(text);
    log(
      `=> index used: ${used.length ? `yes (${used.join("; ")})` : "NO (sequential scan)"}${/Workers Launched/.test(text) ? "; parallel plan" : ""}`,
    );
  }
  (client as { unsafe: unknown }).unsafe = original;

  const viewsOut = Object.fromEntries(
    Object.entries(results).map(([k, v]) => [
      k,
      { medianMs: v.medianMs, p95Ms: v.p95Ms, ...(v.total !== undefined ? { total: v.total } : {}) },
    ]),
  );
  const over = Object.entries(results)
    .filter(([, v]) => v.p95Ms >= TARGET_P95_MS)
    .map(([k]) => k);
  log(
    `\nSummary: target p95 < ${TARGET_P95_MS} ms; ${over.length ? `over target: ${over.join(", ")}` : "every view under target"}`,
  );
  return {
    database: dbName,
    rows: counts.n,
    drafts: counts.drafts,
    organisations: orgCount,
    consultationRows: counts.asia,
    generation,
    views: viewsOut,
    baseline: { medianMs: baseline.medianMs, p95Ms: baseline.p95Ms },
    baselineWithCount: { medianMs: baselineWithCount.medianMs, p95Ms: baselineWithCount.p95Ms },
    ratio,
    ratioWithCount,
    indexUse,
    overviewPlans,
    cpus: cpus().length,
    loadAverage: { before: loadBefore, after: loadAfter },
    targetP95Ms: TARGET_P95_MS,
    allUnderTarget: over.length === 0,
  };
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
