// Benchmark of the region's contribution's two lookups (lib/synthesis/coverage.ts) on PostgreSQL
// with 100,000 inputs: coverage (per-theme counts and the first page of uncited inputs) and similar
// inputs (pg_trgm nearest neighbours on title and summary, re-ranked by full-text rank), for the
// Asia–Pacific consultation (~14,000 inputs) with a contribution citing about a third of them.
//
//   npm run bench:synthesis    (= node --conditions=react-server --import tsx bench/synthesis.ts)
//
// Environment: BENCH_DATABASE_URL or DATABASE_URL (admin connection; default
// postgres://postgres@127.0.0.1:5432/postgres), BENCH_ROWS (100000), BENCH_ORGS (10000),
// BENCH_REPS (50), BENCH_WARMUP (5), BENCH_KEEP=1 keeps the gcm_synth_<timestamp> database.
// Target: p95 under 100 ms each. Every figure is also printed as a ratio to a baseline measured in
// the same run (the queue's first page as bare SQL, as bench:queue), since this machine's speed
// varies. Prints EXPLAIN (ANALYZE, BUFFERS) plans, and last one line of JSON.
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import postgres from "postgres";
import { useDatabaseForTests as installDatabase } from "@/db/client";
import { openDatabase, type OpenDatabase } from "@/db/open";
import { consultations } from "@/db/schema";
import { getCoverage, similarInputs } from "@/lib/synthesis/coverage";
import { buildWorld } from "@/lib/testing/fixtures";
import { fillSubmissions } from "./fill";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const ORGS = Number(process.env.BENCH_ORGS ?? 10_000);
const REPS = Number(process.env.BENCH_REPS ?? 50);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const TARGET_P95_MS = 100;
const log = (...a: unknown[]) => console.log(...a);
const round = (x: number) => Math.round(x * 100) / 100;

interface Stat {
  medianMs: number;
  p95Ms: number;
}
function stats(t: number[]): Stat {
  const s = [...t].sort((a, b) => a - b);
  const mid = s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  return { medianMs: round(mid), p95Ms: round(s[Math.max(0, Math.ceil(0.95 * s.length) - 1)]!) };
}
async function measure(name: string, fn: (i: number) => Promise<unknown>): Promise<Stat> {
  for (let i = 0; i < WARMUP; i++) await fn(i);
  const t: number[] = [];
  for (let i = 0; i < REPS; i++) {
    const s = performance.now();
    await fn(i);
    t.push(performance.now() - s);
  }
  const st = stats(t);
  log(
    `  ${name.padEnd(40)} median ${st.medianMs.toFixed(2).padStart(8)} ms   p95 ${st.p95Ms.toFixed(2).padStart(8)} ms`,
  );
  return st;
}

async function main() {
  const adminUrl =
    process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `gcm_synth_${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  log(`Creating database ${name}`);
  await admin.unsafe(`create database "${name}"`);
  let opened: OpenDatabase | undefined;
  let sql: postgres.Sql | undefined;
  try {
    opened = await openDatabase({ url: url.toString(), seed: {} });
    installDatabase(opened);
    sql = postgres(url.toString(), { max: 4, onnotice: () => {} });
    log(JSON.stringify(await run(opened, sql)));
  } finally {
    await opened?.close();
    await sql?.end({ timeout: 5 });
    if (process.env.BENCH_KEEP === "1") log(`(kept database ${name})`);
    else await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

async function run(opened: OpenDatabase, sql: postgres.Sql) {
  const world = await buildWorld(opened.db, "bench");
  const anchor = await world.actor("anchorX"); // anchor of "asia"
  const cons = await opened.db
    .select({ id: consultations.id, slug: consultations.slug, code: consultations.code })
    .from(consultations);
  const asia = cons.find((c) => c.slug === "asia")!;
  await fillSubmissions(sql, cons, { rows: ROWS, orgs: ORGS, log });

  // A contribution citing about a third of Asia's accepted inputs, a few per paragraph, in each
  // theme's section; 5 % of the rest marked read, not cited.
  const t0 = performance.now();
  const [c] = await sql`insert into contributions (consultation_id) values (${asia.id}) returning id`;
  await sql`
    insert into contribution_sections (contribution_id, theme_id, items, version)
    select ${c!.id}, t.id, '[]'::jsonb, 1 from themes t`;
  await sql`
    insert into contribution_citations (contribution_id, theme_id, position, submission_id)
    select ${c!.id}, s.themes[1], (row_number() over (partition by s.themes[1] order by s.id) / 8)::int % 32000, s.id
    from submissions s
    where s.consultation_id = ${asia.id} and s.status = 'accepted' and cardinality(s.themes) > 0 and hashtext(s.id::text) % 3 = 0`;
  await sql`
    insert into coverage_notes (consultation_id, submission_id, note)
    select ${asia.id}, s.id, 'read' from submissions s
    where s.consultation_id = ${asia.id} and s.status = 'accepted' and hashtext(s.id::text) % 3 <> 0 and hashtext(s.id::text) % 20 = 1`;
  await sql`vacuum analyze contribution_citations`;
  await sql`vacuum analyze coverage_notes`;
  const [counts] = await sql`
    select (select count(*) from submissions where consultation_id = ${asia.id})::int as inputs,
      (select count(*) from submissions where consultation_id = ${asia.id} and status = 'accepted')::int as accepted,
      (select count(*) from contribution_citations)::int as citations,
      (select count(*) from coverage_notes)::int as notes`;
  log(
    `  Asia: ${counts!.inputs} inputs, ${counts!.accepted} accepted; ${counts!.citations} citations, ${counts!.notes} read-not-cited notes (made in ${round((performance.now() - t0) / 1000)} s)`,
  );
  const sample = (await sql`
    select id from submissions where consultation_id = ${asia.id} and status <> 'draft' order by hashtext(id::text) limit ${REPS + WARMUP}`) as unknown as {
    id: string;
  }[];

  const loadBefore = round(loadavg()[0]!);
  log(
    `\nTiming (warm-up ${WARMUP}, ${REPS} timed each; in-process wall time of the lib/ call; ${cpus().length} CPUs, load average ${loadBefore})`,
  );
  const baseline = await measure(
    "baseline: queue's first page, bare SQL",
    () =>
      sql!`
      select s.id, s.reference, s.title, s.status, s.submitted_at, o.name
      from submissions s join organisations o on o.id = s.organisation_id
      where s.status <> 'draft' and s.consultation_id = ${asia.id}
      order by s.submitted_at desc, s.id desc limit 51`,
  );
  const coverage = await measure("getCoverage (counts + theme 1's page)", () =>
    getCoverage({ actor: anchor, consultationId: asia.id, themeId: 1 }),
  );
  const coveragePage = await measure("getCoverage, theme 3, 5th page", () =>
    getCoverage({ actor: anchor, consultationId: asia.id, themeId: 3, offset: 200 }),
  );
  const similar = await measure("similarInputs (a different input each time)", (i) =>
    similarInputs({ actor: anchor, submissionId: sample[i % sample.length]!.id }),
  );
  const loadAfter = round(loadavg()[0]!);
  const cov = await getCoverage({ actor: anchor, consultationId: asia.id, themeId: 1 });
  log(
    `  coverage of theme 1: ${JSON.stringify(
      cov.themes.find((t) => t.themeId === 1),
      (k, v) => (k === "inputs" ? v.length : v),
    )}`,
  );
  const sim = await similarInputs({ actor: anchor, submissionId: sample[0]!.id });
  log(`  similar to one input: ${sim.map((s) => `${s.reference} ${s.similarity}`).join(", ")}`);
  log(`  load average after timing: ${loadAfter}`);

  log(`\nRatios to the baseline (medians; p95s)`);
  const ratio = (s: Stat) => ({ median: round(s.medianMs / baseline.medianMs), p95: round(s.p95Ms / baseline.p95Ms) });
  for (const [k, s] of Object.entries({ coverage, coveragePage, similar }))
    log(`  ${k.padEnd(14)} ${ratio(s).median}× ; ${ratio(s).p95}×`);

  const [probe] =
    (await sql`select title || ' ' || summary as text, title from submissions where id = ${sample[0]!.id}`) as unknown as {
      text: string;
      title: string;
    }[];
  log(`\nPlans (EXPLAIN ANALYZE, BUFFERS)`);
  const plan = async (label: string, q: string, params: unknown[]) => {
    const rows = await sql!.unsafe(`explain (analyze, buffers) ${q}`, params as never[]);
    log(`-- ${label}\n${rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
  };
  await plan(
    "coverage: counts per theme",
    `select t.theme::int, count(*)::int, count(*) filter (where cited.submission_id is not null)::int,
       count(*) filter (where cited.submission_id is null and n.submission_id is not null)::int
     from submissions s cross join lateral unnest(s.themes) as t(theme)
     left join (select distinct submission_id from contribution_citations where contribution_id = $2) cited on cited.submission_id = s.id
     left join coverage_notes n on n.consultation_id = s.consultation_id and n.submission_id = s.id
     where s.consultation_id = $1 and s.status = 'accepted' group by t.theme`,
    [asia.id, c!.id],
  );
  await plan(
    "coverage: theme 1's uncited inputs, first page",
    `with page as (
       select s.id, s.reference, s.title, s.organisation_id, s.submitted_at, n.note, n.submission_id is not null as read
       from submissions s left join coverage_notes n on n.consultation_id = s.consultation_id and n.submission_id = s.id
       where s.consultation_id = $1 and s.status = 'accepted' and 1::smallint = any(s.themes)
         and not exists (select 1 from contribution_citations cc where cc.contribution_id = $2 and cc.submission_id = s.id)
       order by read, s.submitted_at, s.id limit 50)
     select page.id, page.reference, page.title, o.name, page.note from page join organisations o on o.id = page.organisation_id
     order by page.read, page.submitted_at, page.id`,
    [asia.id, c!.id],
  );
  await plan(
    "similar inputs: trigram nearest neighbours",
    `with near as (select s.id, s.reference, s.title, s.organisation_id, s.status, s.search, similarity(s.title || ' ' || s.summary, $2) as similarity
       from submissions s where s.consultation_id = $1 and s.status <> 'draft' and s.id <> $3::uuid
       order by s.title <-> $4 limit 20)
     select near.id, near.similarity from near join organisations o on o.id = near.organisation_id where near.similarity > 0.1
     order by near.similarity + 0.1 * ts_rank(near.search, plainto_tsquery('simple', $4)) desc limit 5`,
    [asia.id, probe!.text, sample[0]!.id, probe!.title],
  );
  const met = coverage.p95Ms < TARGET_P95_MS && coveragePage.p95Ms < TARGET_P95_MS && similar.p95Ms < TARGET_P95_MS;
  log(`\nTarget p95 < ${TARGET_P95_MS} ms each: ${met ? "met" : "MISSED"}`);
  return {
    bench: "synthesis",
    rows: ROWS,
    loadBefore,
    loadAfter,
    baseline,
    coverage,
    coveragePage,
    similar,
    ratios: { coverage: ratio(coverage), coveragePage: ratio(coveragePage), similar: ratio(similar) },
    met,
  };
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
