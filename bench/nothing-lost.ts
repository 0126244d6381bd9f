// Nothing acknowledged is lost: the production app under concurrent no-JS submissions while
// (A) its Next.js process is SIGKILLed and restarted, and (B) its PostgreSQL stops (immediate mode)
// and comes back, with the app left running.
//
//   npm run bench:lost        (= node --import tsx bench/nothing-lost.ts)
//
// Needs a production build (`NODE_ENV=production npx next build`; built first if missing) and
// PostgreSQL's initdb/pg_ctl (run as the `postgres` user through runuser when started as root).
// It runs its own throwaway cluster in /tmp, so killing it harms no one.
// Environment: LOST_PG_PORT (3520), LOST_APP_PORT (3530), LOST_CLIENTS (20), LOST_ORGS (8),
// LOST_SECONDS (6: load before and after each fault), LOST_DOWN_SECONDS (5: database down in B),
// LOST_KEEP=1 keeps the cluster folder.
// Exits non-zero when an acknowledged input is missing or duplicated, a retry made a second input,
// a response during the database outage was blank, unclear or a dropped connection, or took longer
// than LOST_MAX_ANSWER_SECONDS (5), or the app did not serve again (a probe's request for the
// submission form answered whole) within LOST_MAX_RECONNECT_SECONDS (1) of the database's return. Prints a summary and last one line of JSON.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import {
  createUsers,
  encodeSubmission,
  generateInput,
  getPage,
  mulberry32,
  newKey,
  parseSubmitForm,
  postSubmission,
  referenceOnPage,
  round,
  sleep,
  visibleText,
  waitReady,
  type BenchUser,
  type Outcome,
} from "./client";

const PG_PORT = Number(process.env.LOST_PG_PORT ?? 3520);
const APP_PORT = Number(process.env.LOST_APP_PORT ?? 3530);
const CLIENTS = Number(process.env.LOST_CLIENTS ?? 20);
const ORGS = Number(process.env.LOST_ORGS ?? 8);
const SECONDS = Number(process.env.LOST_SECONDS ?? 6);
const DOWN_SECONDS = Number(process.env.LOST_DOWN_SECONDS ?? 5);
const DRAIN_SECONDS = 60;
// During the outage every answer comes within this many seconds, and after the database's return an
// input is acknowledged within this many.
const MAX_ANSWER_SECONDS = Number(process.env.LOST_MAX_ANSWER_SECONDS ?? 5);
const MAX_RECONNECT_SECONDS = Number(process.env.LOST_MAX_RECONNECT_SECONDS ?? 1);
const DB_NAME = "gcm_load_lost";
const BASE = `http://127.0.0.1:${APP_PORT}`;
const run = Date.now().toString(36);

const log = (...a: unknown[]) => console.log(...a);
const asPostgres =
  process.getuid?.() === 0
    ? (cmd: string, args: string[]) => ["runuser", ["-u", "postgres", "--", cmd, ...args]] as const
    : (cmd: string, args: string[]) => [cmd, args] as const;

function pgCtl(dir: string, args: string[]) {
  const [cmd, a] = asPostgres("pg_ctl", ["-D", dir, ...args]);
  const r = spawnSync(cmd, a, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`pg_ctl ${args.join(" ")} failed: ${r.stderr || r.stdout}`);
}
const startPg = (dir: string) =>
  pgCtl(dir, [
    "-w",
    "-t",
    "60",
    "-l",
    path.join(dir, "server.log"),
    "-o",
    `-p ${PG_PORT} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=100 -c log_connections=on -c log_disconnections=on -c log_min_messages=info`,
    "start",
  ]);

// ---------------------------------------------------------------- the app
const appLog = path.join(tmpdir(), `gcm_load_lost_app_${run}.log`);
let app: ChildProcess | null = null;
let appExits = 0;
function startApp(databaseUrl: string): ChildProcess {
  const out = fs.openSync(appLog, "a");
  // exec: the PID is the server itself (scripts/server.mjs, as `npm start` runs it), so SIGKILL kills
  // the server and nothing survives it.
  const child = spawn("sh", ["-c", `exec node scripts/server.mjs`], {
    stdio: ["ignore", out, out],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(APP_PORT),
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: "bench-lost-secret-not-for-production-0123456789",
      AUTH_TRUST_HOST: "true",
      DEMO_ACCOUNTS: "false",
      APP_URL: BASE,
    },
  });
  child.on("exit", () => appExits++);
  return child;
}

// ---------------------------------------------------------------- the clients
interface Tracked {
  marker: string;
  client: number;
  phase: string;
  key: string;
  attempts: number;
  failedAttempts: number;
  acknowledged: { id: string; reference: string | null } | null;
}
interface Response {
  phase: string;
  window: string;
  what: "form" | "post";
  outcome: Outcome;
  /** When the request was sent (ms since the epoch). */
  sentAt: number;
}

let phase = "warm-up";
/** What is happening to the system now: "normal", "app-down", "db-down", "recovering". */
let window = "normal";
const tracked: Tracked[] = [];
const responses: Response[] = [];
let loadOn = false;
let draining = false;
let drainUntil = 0;

const consultationSlugs = ["asia", "mena", "africa", "north-america", "europe", "latin-america-caribbean", "pacific"];

async function clientLoop(i: number, user: BenchUser) {
  const slug = consultationSlugs[i % consultationSlugs.length]!;
  const r = mulberry32(i * 7919 + 1);
  let n = 0;
  while (loadOn) {
    const marker = `[LOST-${run}-${phase}-c${i}-n${++n}]`;
    // A browser first opens the form…
    let form = null;
    while (!form) {
      if (!loadOn) return;
      const sentAt = Date.now();
      const page = await getPage(BASE, `/en/consultations/${slug}/submit`, user.cookie);
      if (page.kind === "http" && page.status === 200) form = parseSubmitForm(page.body);
      if (!form) {
        responses.push({ phase, window, what: "form", outcome: page, sentAt });
        await sleep(300);
      }
    }
    const t: Tracked = {
      marker,
      client: i,
      phase,
      key: form.idempotencyKey || newKey(),
      attempts: 0,
      failedAttempts: 0,
      acknowledged: null,
    };
    tracked.push(t);
    const encoded = encodeSubmission(form, generateInput(r, slug, marker), { idempotencyKey: t.key });
    // Odd clients take their time to type (1–3 s), so some forms opened before a fault are sent during it.
    if (i % 2 === 1) await sleep(1000 + r() * 2000);
    // …then sends it, and sends the same form again after a failure (same idempotency key).
    for (;;) {
      t.attempts++;
      const sentAt = Date.now();
      const out = await postSubmission(BASE, slug, user.cookie, encoded);
      if (out.kind === "accepted") {
        // The page the browser is sent to shows the reference.
        const page = await getPage(BASE, out.location, user.cookie);
        t.acknowledged = { id: out.id, reference: page.kind === "http" ? referenceOnPage(page.body) : null };
        break;
      }
      t.failedAttempts++;
      responses.push({ phase, window, what: "post", outcome: out, sentAt });
      if (!loadOn && (!draining || Date.now() > drainUntil)) return;
      await sleep(Math.min(2000, 250 * t.failedAttempts));
    }
  }
}

async function load(users: BenchUser[]): Promise<Promise<void>[]> {
  loadOn = true;
  return users.map((u, i) => clientLoop(i, u));
}
async function stopLoad(loops: Promise<void>[]) {
  loadOn = false;
  draining = true;
  drainUntil = Date.now() + DRAIN_SECONDS * 1000;
  await Promise.all(loops);
  draining = false;
}

// ---------------------------------------------------------------- checks
const en = JSON.parse(fs.readFileSync("messages/en.json", "utf8")) as { errors: Record<string, string> };
/** Texts that make an error answer "clear": the error page, or a form message, in English (the locale used). */
const errorTexts = [
  en.errors.errorTitle!,
  en.errors.errorBody!,
  en.errors.unexpected!,
  ...(en.errors.unavailable ? [en.errors.unavailable] : []),
];

function judge(resp: Response): { ok: boolean; why: string } {
  const o = resp.outcome;
  if (o.kind === "network") return { ok: false, why: `connection failed (${o.code})` };
  if (o.kind === "accepted") return { ok: true, why: "accepted" };
  const text = visibleText(o.body);
  if (!text) return { ok: false, why: `blank body (status ${o.status})` };
  const hasError = errorTexts.some((e) => text.includes(e));
  if (o.status >= 500 && hasError) return { ok: true, why: `${o.status} error page` };
  // The layout's own error page (the database is away): Next.js renders pages with status 200.
  if (o.status === 200 && text.includes(en.errors.errorTitle!) && text.includes(en.errors.errorBody!))
    return { ok: true, why: "error page (200)" };
  if (o.status === 200 && hasError && o.body.includes('name="idempotencyKey"'))
    return { ok: true, why: "form again with an error" };
  if (o.location) return { ok: false, why: `status ${o.status} to ${o.location.replace(/[0-9a-f-]{36}/g, ":id")}` };
  return { ok: false, why: `status ${o.status} without the error text: ${text.slice(0, 160)}` };
}

function tally(rs: Response[]) {
  const out: Record<string, number> = {};
  for (const r of rs) {
    const k = r.outcome.kind === "network" ? `${r.what} ${r.outcome.code}` : `${r.what} ${r.outcome.status}`;
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

async function verify(sql: postgres.Sql, label: string, items: Tracked[]) {
  const rows = (await sql`
    select id, reference, title, status from submissions where title like ${`[LOST-${run}-%`}`) as unknown as {
    id: string;
    reference: string | null;
    title: string;
    status: string;
  }[];
  const byMarker = new Map<string, typeof rows>();
  for (const row of rows) {
    const m = /^\[LOST-[^\]]+\]/.exec(row.title)?.[0] ?? "";
    byMarker.set(m, [...(byMarker.get(m) ?? []), row]);
  }
  const acked = items.filter((t) => t.acknowledged);
  const problems: string[] = [];
  let present = 0;
  for (const t of acked) {
    const found = byMarker.get(t.marker) ?? [];
    if (found.length === 0) problems.push(`${t.marker} acknowledged (${t.acknowledged!.id}) but not in the database`);
    else if (found.length > 1) problems.push(`${t.marker} is in the database ${found.length} times`);
    else {
      const row = found[0]!;
      if (row.id !== t.acknowledged!.id)
        problems.push(`${t.marker}: acknowledged as ${t.acknowledged!.id}, stored as ${row.id}`);
      else if (!row.reference || row.status !== "submitted")
        problems.push(`${t.marker}: stored without reference or not submitted (${row.status})`);
      else if (t.acknowledged!.reference && row.reference !== t.acknowledged!.reference)
        problems.push(`${t.marker}: page showed ${t.acknowledged!.reference}, stored ${row.reference}`);
      else present++;
    }
  }
  // Retries (same idempotency key) never make a second input, acknowledged or not.
  const mine = items.map((t) => t.marker);
  const duplicates = mine.filter((m) => (byMarker.get(m)?.length ?? 0) > 1);
  for (const m of duplicates)
    if (!acked.some((t) => t.marker === m))
      problems.push(`${m} (not acknowledged) is in the database ${byMarker.get(m)!.length} times`);
  const storedNotAcked = items.filter((t) => !t.acknowledged && (byMarker.get(t.marker)?.length ?? 0) > 0).length;
  const referenceShown = acked.filter((t) => t.acknowledged!.reference).length;
  // One receipt e-mail per acknowledged input, written in the same transaction.
  const refs = acked.map((t) => byMarker.get(t.marker)?.[0]?.reference).filter((x): x is string => !!x);
  const [{ receipts }] = (await sql`
    select count(*)::int as receipts from unnest(${refs}::text[]) as r(ref)
    where exists (select 1 from email_outbox o where o.template = 'submissionReceipt' and o.text like '%' || r.ref || '%')`) as unknown as [
    { receipts: number },
  ];
  if (receipts !== refs.length)
    problems.push(`${refs.length - receipts} acknowledged inputs have no receipt e-mail in the outbox`);
  const summary = {
    submissions: items.length,
    acknowledged: acked.length,
    failedVisibly: items.filter((t) => !t.acknowledged).length,
    requestsFailedVisibly: items.reduce((s, t) => s + t.failedAttempts, 0),
    retriedThenAcknowledged: acked.filter((t) => t.failedAttempts > 0).length,
    present,
    storedNotAcknowledged: storedNotAcked,
    duplicates: duplicates.length,
    referenceShown,
    receipts,
  };
  log(
    `  ${label}: ${summary.submissions} inputs sent, ${summary.acknowledged} acknowledged (${summary.retriedThenAcknowledged} after a retry), ` +
      `${summary.failedVisibly} failed visibly (${summary.requestsFailedVisibly} failed requests in all), ${summary.present} acknowledged and present exactly once, ` +
      `${summary.storedNotAcknowledged} stored but never acknowledged, ${summary.duplicates} duplicates, ${summary.receipts} receipts in the outbox`,
  );
  for (const p of problems.slice(0, 20)) log(`    LOST/WRONG: ${p}`);
  return { ...summary, problems };
}

// ---------------------------------------------------------------- main
async function main() {
  if (!fs.existsSync(".next/BUILD_ID")) {
    log("No production build: building (NODE_ENV=production next build) …");
    const b = spawnSync("node_modules/.bin/next", ["build"], {
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (b.status !== 0) throw new Error("build failed");
  }
  const dir = fs.mkdtempSync(path.join(tmpdir(), "gcm_load_lost_pg_"));
  fs.chmodSync(dir, 0o700);
  if (process.getuid?.() === 0) spawnSync("chown", ["postgres:postgres", dir]);
  const [ic, ia] = asPostgres("initdb", [
    "-D",
    dir,
    "-U",
    "postgres",
    "-A",
    "trust",
    "--no-sync",
    "-E",
    "UTF8",
    "--locale=C",
  ]);
  const init = spawnSync(ic, ia, { encoding: "utf8" });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  startPg(dir);
  let pgRunning = true;
  const adminUrl = `postgres://postgres@127.0.0.1:${PG_PORT}/postgres`;
  const dbUrl = `postgres://postgres@127.0.0.1:${PG_PORT}/${DB_NAME}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${DB_NAME}`);
  await admin.end();
  log(`Throwaway PostgreSQL cluster ${dir} on port ${PG_PORT}; app log ${appLog}`);
  let sql: postgres.Sql | null = null;
  let failed = true;
  try {
    app = startApp(dbUrl);
    const firstStart = await waitReady(BASE);
    log(`App started (pid ${app.pid}) and migrated the database in ${round(firstStart / 1000)} s`);
    sql = postgres(dbUrl, { max: 2, onnotice: () => {} });
    const users = await createUsers(sql, { users: CLIENTS, organisations: ORGS, tag: `lost-${run}` });
    log(
      `${CLIENTS} concurrent clients (no-JS form posts) for ${ORGS} organisations across the 7 consultations; ${cpus().length} CPUs, load average ${round(loadavg()[0]!)}`,
    );

    // ------------------------------------------------------------ A: SIGKILL the server
    log(`\nPhase A: ${SECONDS} s of load, SIGKILL the Next.js server, restart it, ${SECONDS} s more`);
    phase = "A";
    let loops = await load(users);
    await sleep(SECONDS * 1000);
    const killedPid = app.pid!;
    const ackBeforeKill = tracked.filter((t) => t.acknowledged).length;
    window = "app-down";
    const exited = new Promise((r) => app!.once("exit", r));
    process.kill(killedPid, "SIGKILL");
    await exited;
    log(
      `  killed pid ${killedPid} after ${ackBeforeKill} acknowledged inputs; ${tracked.filter((t) => !t.acknowledged).length} in flight`,
    );
    await sleep(1000);
    app = startApp(dbUrl);
    const restartMs = await waitReady(BASE);
    window = "normal";
    log(`  restarted (pid ${app.pid}), ready in ${round(restartMs / 1000)} s`);
    await sleep(SECONDS * 1000);
    await stopLoad(loops);
    const aItems = tracked.filter((t) => t.phase === "A");
    const a = await verify(sql, "Phase A", aItems);
    const aResponses = tally(responses.filter((r) => r.phase === "A"));
    log(`  failed answers seen by clients: ${JSON.stringify(aResponses)}`);

    // ------------------------------------------------------------ B: stop PostgreSQL
    log(
      `\nPhase B: ${SECONDS} s of load, pg_ctl stop -m immediate, ${DOWN_SECONDS} s down, start, ${SECONDS * 2} s more (app not restarted)`,
    );
    phase = "B";
    const appPid = app.pid!;
    const exitsBefore = appExits;
    loops = await load(users);
    await sleep(SECONDS * 1000);
    await sql.end({ timeout: 1 });
    sql = null;
    window = "db-down";
    const stoppingAt = Date.now();
    pgCtl(dir, ["-m", "immediate", "stop"]);
    pgRunning = false;
    const downAt = Date.now();
    log(
      `  PostgreSQL stopped (immediate) after ${tracked.filter((t) => t.phase === "B" && t.acknowledged).length} acknowledged inputs`,
    );
    await sleep(DOWN_SECONDS * 1000);
    window = "recovering";
    startPg(dir);
    pgRunning = true;
    const upAt = Date.now();
    log(`  PostgreSQL started again after ${round((upAt - downAt) / 1000)} s`);
    // The app must serve again by itself. A probe of its own asks for the submission form (a page
    // that reads the session and the consultation from PostgreSQL) every 50 ms from the return: the
    // time to its first whole form is the app's. The first input acknowledged after the return is
    // reported too, but it also counts the load clients' own pause between retries (up to 2 s after
    // repeated failures, as a person would wait) and the page after the post.
    const probe = (async () => {
      while (Date.now() - upAt < 60_000) {
        const page = await getPage(BASE, `/en/consultations/${consultationSlugs[0]}/submit`, users[0]!.cookie);
        if (page.kind === "http" && page.status === 200 && parseSubmitForm(page.body)) return Date.now() - upAt;
        await sleep(50);
      }
      return null;
    })();
    const ackedBefore = new Set(tracked.filter((t) => t.acknowledged).map((t) => t.marker));
    let ackMs: number | null = null;
    while (Date.now() - upAt < 60_000) {
      if (tracked.some((t) => t.acknowledged && !ackedBefore.has(t.marker))) {
        ackMs = Date.now() - upAt;
        break;
      }
      await sleep(100);
    }
    const reconnectMs = await probe;
    window = "normal";
    log(
      `  ${reconnectMs === null ? "the app served NO form within 60 s of the database's return" : `the app served a whole form again ${round(reconnectMs / 1000)} s after the database's return`}`,
    );
    log(
      `  ${ackMs === null ? "NO input acknowledged within 60 s of the database's return" : `first input acknowledged ${round(ackMs / 1000)} s after the database's return (with the clients' pauses)`}`,
    );
    await sleep(SECONDS * 2000);
    await stopLoad(loops);
    sql = postgres(dbUrl, { max: 2, onnotice: () => {} });
    const bItems = tracked.filter((t) => t.phase === "B");
    const b = await verify(sql, "Phase B", bItems);
    const sameProcess =
      app.pid === appPid && appExits === exitsBefore && app.exitCode === null && app.signalCode === null;
    log(`  app process ${sameProcess ? `still pid ${appPid}, never restarted` : "EXITED or restarted"}`);
    // Every failed answer of phase B comes from the outage (answers to requests sent before it may
    // arrive after it): clear error pages only.
    const outage = responses.filter((r) => r.phase === "B");
    const judged = outage.map((r) => ({ r, ...judge(r) }));
    // A request already being rendered when the database died fails after the layout's check: the
    // server answers it with its translated error page (503, scripts/error-page.mjs), so it must be
    // clear too. Counted apart to say how many there were.
    const inFlight = judged.filter(
      (j) => j.r.sentAt < stoppingAt && j.r.outcome.kind === "http" && j.r.outcome.status >= 500,
    );
    const bad = judged.filter((j) => !j.ok);
    const kinds: Record<string, number> = {};
    for (const j of judged.filter((x) => x.ok))
      kinds[`${j.r.what}: ${j.why}`] = (kinds[`${j.r.what}: ${j.why}`] ?? 0) + 1;
    const slowest = Math.max(0, ...outage.map((r) => r.outcome.ms));
    log(
      `  answers while the database was away: ${outage.length} (${JSON.stringify(tally(outage))}); clear errors ${judged.length - bad.length} ${JSON.stringify(kinds)}, unclear ${bad.length}; slowest ${round(slowest / 1000)} s`,
    );
    const whyBad: Record<string, number> = {};
    for (const j of bad) whyBad[`${j.r.what}: ${j.why}`] = (whyBad[`${j.r.what}: ${j.why}`] ?? 0) + 1;
    for (const [k, v] of Object.entries(whyBad).slice(0, 10)) log(`    UNCLEAR ×${v}: ${k}`);
    for (const j of bad.slice(0, 5))
      log(
        `    unclear ${j.r.what} sent ${round((j.r.sentAt - downAt) / 1000)} s after the stop, answered after ${round(j.r.outcome.ms / 1000)} s`,
      );
    if (inFlight.length)
      log(
        `  ${inFlight.length} requests in flight when the database stopped got a ${[...new Set(inFlight.map((j) => (j.r.outcome.kind === "http" ? j.r.outcome.status : 0)))].join("/")} answer (${inFlight.filter((j) => j.ok).length} of them clear)`,
      );
    // Where the slowest answers fell: when each was sent, relative to the stop and the return.
    for (const r of [...outage].sort((x, y) => y.outcome.ms - x.outcome.ms).slice(0, 3)) {
      const status = r.outcome.kind === "http" ? r.outcome.status : r.outcome.kind;
      log(
        `  slow: ${r.what} sent ${round((r.sentAt - downAt) / 1000)} s after the stop (${round((r.sentAt - upAt) / 1000)} s after the return), answered ${status} in ${round(r.outcome.ms / 1000)} s`,
      );
    }
    const slowOk = slowest <= MAX_ANSWER_SECONDS * 1000;
    const reconnectOk = reconnectMs !== null && reconnectMs <= MAX_RECONNECT_SECONDS * 1000;
    if (!slowOk)
      log(`  SLOW: an answer during the outage took ${round(slowest / 1000)} s (limit ${MAX_ANSWER_SECONDS} s)`);
    if (!reconnectOk)
      log(
        `  SLOW: the app served a form again ${reconnectMs === null ? "never" : `${round(reconnectMs / 1000)} s`} after the database's return (limit ${MAX_RECONNECT_SECONDS} s)`,
      );
    for (const what of ["form", "post"] as const) {
      const o = judged.find((j) => j.ok && j.r.what === what)?.r.outcome;
      if (o?.kind === "http") log(`  e.g. ${what} answered ${o.status}: "${visibleText(o.body).slice(0, 240)}"`);
    }
    // The mail loop survived the outage: it sends again after the database's return (the backlog
    // may take a while: it delivers at most 20 e-mails per 2 s tick).
    let sentAfter = 0;
    let pendingMail = -1;
    for (let i = 0; i < 120; i++) {
      const [m] = (await sql`
        select count(*) filter (where status = 'sent' and sent_at > ${new Date(upAt)})::int as sent,
          count(*) filter (where status = 'pending')::int as pending
        from email_outbox`) as unknown as [{ sent: number; pending: number }];
      [sentAfter, pendingMail] = [m.sent, m.pending];
      if (pendingMail === 0) break;
      await sleep(500);
    }
    const mailLoopAlive = sentAfter > 0;
    log(
      `  mail loop: ${mailLoopAlive ? `${sentAfter} e-mails sent since the database's return` : "NOTHING sent since the database's return"}, ${pendingMail} still pending`,
    );

    const ok =
      a.problems.length === 0 &&
      b.problems.length === 0 &&
      a.acknowledged > 0 &&
      b.acknowledged > 0 &&
      bad.length === 0 &&
      reconnectOk &&
      slowOk &&
      sameProcess &&
      mailLoopAlive;
    failed = !ok;
    log(
      `\nSummary: ${ok ? "nothing lost, no duplicates, clear errors during the outage, reconnected by itself" : "FAILED (see above)"}`,
    );
    const strip = (x: typeof a) => ({ ...x, problems: x.problems.length });
    log(
      JSON.stringify({
        ok,
        clients: CLIENTS,
        organisations: ORGS,
        phaseA: { ...strip(a), restartSeconds: round(restartMs / 1000), failedAnswers: aResponses },
        phaseB: {
          ...strip(b),
          downSeconds: round((upAt - downAt) / 1000),
          reconnectSeconds: reconnectMs === null ? null : round(reconnectMs / 1000),
          firstAckSeconds: ackMs === null ? null : round(ackMs / 1000),
          answersDuringOutage: outage.length,
          unclearAnswers: bad.length,
          answersInFlightAtStop: inFlight.length,
          outageAnswers: tally(outage),
          outageAnswerKinds: kinds,
          slowestOutageAnswerSeconds: round(slowest / 1000),
          appRestarted: !sameProcess,
          mailLoopAlive,
          mailSentAfterOutage: sentAfter,
          mailPendingAtEnd: pendingMail,
        },
        cpus: cpus().length,
        loadAverage: round(loadavg()[0]!),
      }),
    );
  } finally {
    loadOn = false;
    await sql?.end({ timeout: 1 });
    if (app && app.exitCode === null && app.signalCode === null) {
      const gone = new Promise((r) => app!.once("exit", r));
      app.kill("SIGTERM");
      await Promise.race([gone, sleep(5000)]);
      if (app.exitCode === null && app.signalCode === null) app.kill("SIGKILL");
    }
    if (pgRunning) pgCtl(dir, ["-m", "fast", "stop"]);
    if (process.env.LOST_KEEP !== "1") fs.rmSync(dir, { recursive: true, force: true });
    process.exitCode = failed ? 1 : 0;
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
