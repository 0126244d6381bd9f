// Load benchmark of the production app over HTTP, on PostgreSQL with 100,000 inputs.
//
//   npm run bench:load        (= node --conditions=react-server --import tsx bench/load.ts)
//
// Does everything: builds if the build is missing or older than the sources, fills the database
// gcm_load_bench (100,000 submissions across the seven consultations, bench/corpus.ts) unless it is
// already filled and LOAD_RESEED=0, starts `next start`, signs in users directly in the database and
// drives the app with autocannon:
//   (a) submissions: every request is the full no-JS submit of a new input (multipart form post to
//       the submit page; success = 303 to the submission), many organisations, fixed concurrency;
//   (b) public pages: home, a consultation, the public inputs;
//   (c) the moderation queue of one consultation, as its anchor;
// and (a) again against a baseline: a bare Node `http` server doing the same insert through
// `postgres` (bench/baseline-server.ts), with the same autocannon settings; and (d) the framework's
// floor: a bare Next.js app (bench/floor/, built on first use) with a page of static text rendered per
// request and a server action doing that same insert, so that the app's figures can be read against
// what Next.js alone reaches on this machine. (b) also runs the home page at 1, 2, 5 and 10
// connections (latency against concurrency); (e) two instances: two `next start` on the same
// PostgreSQL behind nginx (bench/nginx.ts writes its configuration in a temporary folder, runs it and
// stops it), submissions through nginx to one instance, then to both, and the ratio.
// Prints figures, ratios and last one line of JSON.
// Environment: LOAD_DATABASE_URL (admin connection, default postgres://postgres@127.0.0.1:5432/postgres),
// LOAD_DB (gcm_load_bench), LOAD_RESEED (1 = always refill; 0 = reuse a filled database),
// LOAD_ROWS (100000), LOAD_ORGS (10000), LOAD_PORT (3540; baseline +1, floor +2, the two instances +3
// and +4, nginx +5), LOAD_SECONDS (20, for (a) and (e);
// (b) and (c) run half as long), LOAD_CONNECTIONS (20), LOAD_USERS (200 signed-in users in
// LOAD_SIGNED_ORGS = 100 organisations), LOAD_DROP=1 drops the database at the end.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import postgres from "postgres";
import { openDatabase } from "@/db/open";
import { needsBuild } from "../scripts/needs-build.mjs";
import {
  createAnchor,
  createUsers,
  encodeSubmission,
  generateInput,
  getPage,
  mulberry32,
  newKey,
  pageShape,
  parseSubmitForm,
  percentile,
  round,
  sleep,
  waitReady,
  ACCEPTED_LOCATION,
  type InputContent,
  type PageShape,
} from "./client";
import { fillSubmissions } from "./fill";
import { nginxAvailable, startNginx, type RunningNginx } from "./nginx";

const ADMIN_URL = process.env.LOAD_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const DB = process.env.LOAD_DB || "gcm_load_bench";
const RESEED = process.env.LOAD_RESEED;
const ROWS = Number(process.env.LOAD_ROWS ?? 100_000);
const ORGS = Number(process.env.LOAD_ORGS ?? 10_000);
const PORT = Number(process.env.LOAD_PORT ?? 3540);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 20);
const USERS = Number(process.env.LOAD_USERS ?? 200);
const SIGNED_ORGS = Number(process.env.LOAD_SIGNED_ORGS ?? 100);
// LOAD_ONLY=a,b,c,two,baseline,floor runs some parts only; LOAD_PROFILE=1 writes the app's CPU profile (--cpu-prof) to /tmp.
const ONLY = new Set((process.env.LOAD_ONLY || "a,b,c,two,baseline,floor").split(","));
const PROFILE = process.env.LOAD_PROFILE === "1";
const TARGET = { submissionsPerSecond: 200, submitP95Ms: 300, publicP95Ms: 50 };
const BASE = `http://127.0.0.1:${PORT}`;
const BASELINE = `http://127.0.0.1:${PORT + 1}`;
const FLOOR = `http://127.0.0.1:${PORT + 2}`;
const FLOOR_DIR = "bench/floor";
const run = Date.now().toString(36);
const log = (...a: unknown[]) => console.log(...a);

function dbUrl(name: string) {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

function startProcess(command: string, env: Record<string, string>, logFile: string): ChildProcess {
  const out = fs.openSync(logFile, "a");
  return spawn("sh", ["-c", `exec ${command}`], { stdio: ["ignore", out, out], env: { ...process.env, ...env } });
}
async function stopProcess(p: ChildProcess | null) {
  if (!p || p.exitCode !== null || p.signalCode !== null) return;
  const gone = new Promise((r) => p.once("exit", r));
  p.kill("SIGTERM");
  await Promise.race([gone, sleep(5000)]);
  if (p.exitCode === null && p.signalCode === null) p.kill("SIGKILL");
}

// ---------------------------------------------------------------- measuring
interface Figures {
  requests: number;
  ok: number;
  errors: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  statuses: Record<string, number>;
  /**
   * CPU time the serving process(es) spent per successful answer (Linux, from /proc), PostgreSQL's
   * not included. Unlike requests/s, it hardly moves when other work shares the machine, so its
   * ratios (floor ÷ app) are the steadier reading on a busy machine.
   */
  cpuMsPerOk: number;
}

/** User + system CPU milliseconds of processes so far (Linux /proc; NaN elsewhere). */
function cpuMs(pids: (number | undefined)[]): number {
  let total = 0;
  for (const pid of pids) {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      total += ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
    } catch {
      return NaN;
    }
  }
  return total;
}
const CLOCK_TICKS = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

/**
 * One autocannon run. `next` gives each request (path, headers, body); `isOk` judges the answer.
 * Latency is autocannon's own per-response time (request written → response complete).
 */
async function drive(
  label: string,
  base: string,
  seconds: number,
  next: () => { method: "GET" | "POST"; path: string; headers: Record<string, string>; body?: Buffer },
  isOk: (status: number, headers: Record<string, string>) => boolean,
  connections = CONNECTIONS,
  pids: (number | undefined)[] = [],
): Promise<Figures> {
  const cpu0 = cpuMs(pids);
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  let ok = 0;
  let bad = 0;
  const first = next();
  const instance = autocannon({
    url: base,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: first.method,
        path: first.path,
        setupRequest: (req: Record<string, unknown>) => {
          const r = next();
          return { ...req, method: r.method, path: r.path, headers: r.headers, body: r.body };
        },
        onResponse: (status: number, _body: string, _ctx: unknown, headers: Record<string, string>) => {
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (isOk(status, headers)) ok++;
          else bad++;
        },
      },
    ],
  });
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) =>
    times.push(responseTime),
  );
  const result = await instance;
  const cpu = cpuMs(pids) - cpu0;
  times.sort((a, b) => a - b);
  const socketErrors = result.errors + result.timeouts;
  const f: Figures = {
    requests: times.length,
    ok,
    errors: bad + socketErrors,
    perSecond: round(ok / (result.duration || seconds)),
    p50Ms: round(percentile(times, 0.5)),
    p95Ms: round(percentile(times, 0.95)),
    p99Ms: round(percentile(times, 0.99)),
    maxMs: round(times.at(-1) ?? NaN),
    statuses: { ...statuses, ...(socketErrors ? { socketErrorsOrTimeouts: socketErrors } : {}) },
    cpuMsPerOk: round(cpu / ok),
  };
  log(
    `  ${label.padEnd(34)} ${String(f.perSecond).padStart(8)} ok/s   p50 ${f.p50Ms.toFixed(1).padStart(7)} ms   p95 ${f.p95Ms.toFixed(1).padStart(7)} ms   p99 ${f.p99Ms.toFixed(1).padStart(7)} ms   errors ${f.errors}   cpu ${f.cpuMsPerOk} ms/ok   (${JSON.stringify(f.statuses)})`,
  );
  return f;
}

// ---------------------------------------------------------------- main
async function main() {
  if (process.env.LOAD_SKIP_BUILD !== "1" && needsBuild()) {
    log("Building the production app (NODE_ENV=production next build) …");
    const b = spawnSync("node_modules/.bin/next", ["build"], {
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (b.status !== 0) throw new Error("build failed");
  }
  const url = dbUrl(DB);
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  const [{ version }] = (await admin`select current_setting('server_version') as version`) as unknown as [
    { version: string },
  ];
  const exists = (await admin`select 1 from pg_database where datname = ${DB}`).length > 0;
  let filled = 0;
  if (exists) {
    const probe = postgres(url, { max: 1, onnotice: () => {} });
    try {
      [{ n: filled }] =
        (await probe`select count(*)::int as n from submissions where title not like '[LOAD-%'`) as unknown as [
          { n: number },
        ];
    } catch {
      filled = 0;
    } finally {
      await probe.end();
    }
  }
  let generation: unknown = "reused";
  if (RESEED === "1" || (RESEED !== "0" && filled < ROWS) || filled === 0) {
    log(`PostgreSQL ${version}; (re)creating database ${DB} and filling it with ${ROWS} submissions …`);
    await admin.unsafe(`drop database if exists "${DB}" with (force)`);
    await admin.unsafe(`create database "${DB}"`);
    const opened = await openDatabase({ url, seed: {} });
    await opened.close();
    const sql = postgres(url, { max: 4, onnotice: () => {} });
    const cons = (await sql`select id, slug, code from consultations order by sort_order`) as unknown as {
      id: string;
      slug: string;
      code: string;
    }[];
    const r = await fillSubmissions(sql, cons, { rows: ROWS, orgs: ORGS, log });
    // Accepted inputs the organisations let publish are public (the public inputs page lists them).
    await sql`update submissions set published_at = submitted_at + interval '3 days' where status = 'accepted' and publication <> 'none'`;
    await sql`vacuum (analyze) submissions`;
    await sql.end();
    generation = r.generation;
    log(`  filled in ${r.generation.totalSeconds} s (${r.organisations} organisations)`);
  } else {
    log(`PostgreSQL ${version}; reusing ${DB} (${filled} generated submissions; LOAD_RESEED=1 to refill)`);
  }
  await admin.end();

  const sql = postgres(url, { max: 4, onnotice: () => {} });
  // Every instance of the app gets the same settings (README, "Running several instances").
  const appEnv = {
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: url,
    AUTH_SECRET: "bench-load-secret-not-for-production-0123456789",
    AUTH_TRUST_HOST: "true",
    DEMO_ACCOUNTS: "false",
  };
  const appLog = path.join(tmpdir(), `gcm_load_bench_app_${run}.log`);
  let app: ChildProcess | null = null;
  let baseline: ChildProcess | null = null;
  try {
    const [{ n: before }] = (await sql`select count(*)::int as n from submissions`) as unknown as [{ n: number }];
    const profileDir = path.join(tmpdir(), `gcm_load_prof_${run}`);
    app = startProcess(
      PROFILE
        ? `node --cpu-prof --cpu-prof-dir=${profileDir} node_modules/next/dist/bin/next start -p ${PORT}`
        : `node_modules/.bin/next start -p ${PORT}`,
      { ...appEnv, APP_URL: BASE },
      appLog,
    );
    await waitReady(BASE);
    const cons = (await sql`select id, slug from consultations order by sort_order`) as unknown as {
      id: string;
      slug: string;
    }[];
    const asia = cons.find((c) => c.slug === "asia")!;
    const users = await createUsers(sql, { users: USERS, organisations: SIGNED_ORGS, tag: `load-${run}` });
    const anchor = await createAnchor(sql, asia.id, `load-${run}`);
    // The form as the page renders it (its hidden server-action fields are the same for every user).
    const page = await getPage(BASE, "/en/consultations/asia/submit", users[0]!.cookie);
    const form = page.kind === "http" ? parseSubmitForm(page.body) : null;
    if (!form) throw new Error(`no submit form on the page (${page.kind === "http" ? page.status : page.kind})`);
    // Texts are generated before the run so the load generator spends its CPU on requests.
    const rng = mulberry32(42);
    const contents: { slug: string; consultationId: string; content: InputContent }[] = Array.from(
      { length: 700 },
      (_, i) => {
        const c = cons[i % cons.length]!;
        return { slug: c.slug, consultationId: c.id, content: generateInput(rng, c.slug, "") };
      },
    );
    let n = 0;
    const submitRequestTo =
      (form: NonNullable<ReturnType<typeof parseSubmitForm>>, origin = BASE) =>
      () => {
        const k = n++;
        const u = users[k % users.length]!;
        const x = contents[k % contents.length]!;
        const content = { ...x.content, title: `[LOAD-${run}-${k}]${x.content.title}`.slice(0, 200) };
        const enc = encodeSubmission(form, content, {
          idempotencyKey: newKey(),
          organisationId: u.organisationId,
          consultationId: x.consultationId,
        });
        return {
          method: "POST" as const,
          path: `/en/consultations/${x.slug}/submit`,
          headers: { cookie: u.cookie, "content-type": enc.contentType, origin, accept: "text/html" },
          body: enc.body,
        };
      };
    const submitRequest = submitRequestTo(form);
    const accepted = (status: number, headers: Record<string, string>) =>
      status === 303 && ACCEPTED_LOCATION.test(headers.location ?? headers.Location ?? "");
    const get = (p: string, cookie?: string) => () => ({
      method: "GET" as const,
      path: p,
      headers: (cookie ? { cookie } : {}) as Record<string, string>,
    });
    const is200 = (status: number) => status === 200;

    const load0 = round(loadavg()[0]!);
    log(
      `\nautocannon, ${CONNECTIONS} connections; ${USERS} signed-in users in ${SIGNED_ORGS} organisations; ${cpus().length} CPUs, load average ${load0}`,
    );
    log(`(machine shared with other work: figures are provisional)`);
    // Warm-up: the first requests compile and cache route code.
    const skipped: Figures = {
      requests: 0,
      ok: 0,
      errors: 0,
      perSecond: NaN,
      p50Ms: NaN,
      p95Ms: NaN,
      p99Ms: NaN,
      maxMs: NaN,
      statuses: {},
      cpuMsPerOk: NaN,
    };
    // Each part starts once the receipts of the one before are delivered (the delivery loop's work
    // would otherwise count against the next part's figures).
    const outboxDrained = async () => {
      for (let t0 = Date.now(); Date.now() - t0 < 60_000; await sleep(250)) {
        const [{ n }] =
          (await sql`select count(*)::int as n from email_outbox where status = 'pending'`) as unknown as [
            { n: number },
          ];
        if (n === 0) return;
      }
    };
    const part = async (key: string, f: () => Promise<Figures>) => {
      if (!ONLY.has(key)) return skipped;
      await outboxDrained();
      return f();
    };
    const half = Math.max(5, Math.round(SECONDS / 2));
    const submissions = await part("a", async () => {
      await drive("warm-up (submissions, 3 s)", BASE, 3, submitRequest, accepted);
      return drive(`(a) submissions, ${SECONDS} s`, BASE, SECONDS, submitRequest, accepted, CONNECTIONS, [app?.pid]);
    });
    const home = await part("b", () =>
      drive(`(b) home /en, ${half} s`, BASE, half, get("/en"), is200, CONNECTIONS, [app?.pid]),
    );
    const consultation = await part("b", () =>
      drive(`(b) consultation /en/consultations/asia`, BASE, half, get("/en/consultations/asia"), is200, CONNECTIONS, [
        app?.pid,
      ]),
    );
    const inputs = await part("b", () =>
      drive(`(b) public inputs /en/inputs`, BASE, half, get("/en/inputs"), is200, CONNECTIONS, [app?.pid]),
    );
    // The same page at lower concurrency: where the public-page latency target holds.
    const homeByConnections: Record<string, Figures> = {};
    if (ONLY.has("b"))
      for (const c of [1, 2, 5, 10])
        homeByConnections[c] = await drive(`(b) home /en, ${c} connection(s)`, BASE, 5, get("/en"), is200, c, [
          app?.pid,
        ]);
    const queue = await part("c", async () => {
      await drive("queue warm-up (3 s)", BASE, 3, get("/en/moderation/asia", anchor.cookie), is200);
      return drive(
        `(c) moderation queue (anchor, asia)`,
        BASE,
        half,
        get("/en/moderation/asia", anchor.cookie),
        is200,
        CONNECTIONS,
        [app?.pid],
      );
    });
    // What each page weighs: its CPU per view follows the number of elements more than the bytes.
    const shapes: Record<string, PageShape> = {};
    const shape = async (name: string, base: string, p: string, cookie?: string) => {
      const r = await getPage(base, p, cookie);
      if (r.kind === "http" && r.status === 200) shapes[name] = pageShape(r.body);
    };
    if (ONLY.has("b") || ONLY.has("c")) {
      await shape("home", BASE, "/en");
      await shape("consultation", BASE, "/en/consultations/asia");
      await shape("inputs", BASE, "/en/inputs");
      await shape("moderationQueue", BASE, "/en/moderation/asia", anchor.cookie);
    }
    await stopProcess(app);
    app = null;
    if (PROFILE) log(`CPU profile of the app in ${profileDir}`);

    // (e) Two instances on the one database behind nginx, against one instance behind the same nginx.
    let instances: { one: Figures; two: Figures; ratio: number } | null = null;
    if (ONLY.has("e") || ONLY.has("two")) {
      if (!nginxAvailable()) log("\n(e) skipped: nginx not found (Debian: apt-get install -y nginx)");
      else {
        const PROXY = `http://127.0.0.1:${PORT + 5}`;
        // What must match across instances: the secrets, the public URL, the proxy hops, the actions' key.
        const shared = {
          ...appEnv,
          APP_URL: PROXY,
          TRUSTED_PROXY_HOPS: "1",
          NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
        };
        const ports = [PORT + 3, PORT + 4];
        const apps = ports.map((p) => startProcess(`node_modules/.bin/next start -p ${p}`, shared, appLog));
        let proxy: RunningNginx | null = null;
        try {
          await Promise.all(ports.map((p) => waitReady(`http://127.0.0.1:${p}`)));
          const upstream = ports.map((p) => `127.0.0.1:${p}`);
          log(`\n(e) nginx on ${PROXY} in front of ${upstream.join(" and ")}`);
          const measure = async (label: string, upstreams: string[]) => {
            proxy = await startNginx({ port: PORT + 5, upstreams });
            const post = submitRequestTo(form, proxy.url);
            await drive(`${label} warm-up (3 s)`, proxy.url, 3, post, accepted);
            const f = await drive(
              `(e) ${label}, ${SECONDS} s`,
              proxy.url,
              SECONDS,
              post,
              accepted,
              CONNECTIONS,
              apps.map((a) => a.pid),
            );
            await proxy.stop();
            proxy = null;
            return f;
          };
          const one = await measure("one instance behind nginx", upstream.slice(0, 1));
          const two = await measure("two instances behind nginx", upstream);
          instances = { one, two, ratio: round(two.perSecond / one.perSecond) };
          log(`(e) two instances ÷ one instance, submissions/s: ${instances.ratio}`);
        } finally {
          await (proxy as RunningNginx | null)?.stop();
          await Promise.all(apps.map((a) => stopProcess(a)));
        }
      }
    }

    // Baseline: the same posts to a bare http server doing the insert.
    const base = await part("baseline", async () => {
      baseline = startProcess(
        `node --import tsx bench/baseline-server.ts`,
        { PORT: String(PORT + 1), DATABASE_URL: url },
        appLog,
      );
      await waitReady(BASELINE, "/");
      await drive("baseline warm-up (3 s)", BASELINE, 3, submitRequest, accepted);
      const f = await drive(
        `baseline: bare http + postgres, ${SECONDS} s`,
        BASELINE,
        SECONDS,
        submitRequest,
        accepted,
        CONNECTIONS,
        [baseline?.pid],
      );
      await stopProcess(baseline);
      baseline = null;
      return f;
    });

    // The framework's floor: a bare Next.js app, the same insert in a server action, a page of text.
    let floorPage = skipped;
    const floor = await part("floor", async () => {
      if (process.env.LOAD_SKIP_BUILD !== "1" || !fs.existsSync(path.join(FLOOR_DIR, ".next"))) {
        log(`\nBuilding the bare Next.js app (${FLOOR_DIR}) …`);
        const b = spawnSync("node_modules/.bin/next", ["build", FLOOR_DIR], {
          stdio: "ignore",
          env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
        });
        if (b.status !== 0) throw new Error("build of the bare Next.js app failed");
      }
      const floorApp = startProcess(
        `node_modules/.bin/next start ${FLOOR_DIR} -p ${PORT + 2}`,
        { NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: url },
        appLog,
      );
      try {
        await waitReady(FLOOR, "/");
        const p = await getPage(FLOOR, "/en/consultations/asia/submit");
        const floorForm = p.kind === "http" ? parseSubmitForm(p.body) : null;
        if (!floorForm) throw new Error("no form on the bare Next.js app's page");
        const post = submitRequestTo(floorForm, FLOOR);
        await drive("floor warm-up (3 s)", FLOOR, 3, post, accepted);
        const f = await drive(
          `(d) floor: bare Next.js action, ${SECONDS} s`,
          FLOOR,
          SECONDS,
          post,
          accepted,
          CONNECTIONS,
          [floorApp.pid],
        );
        floorPage = await drive(`(d) floor: bare Next.js page, ${half} s`, FLOOR, half, get("/"), is200, CONNECTIONS, [
          floorApp.pid,
        ]);
        const fp = await getPage(FLOOR, "/");
        if (fp.kind === "http") shapes.floorPage = pageShape(fp.body);
        return f;
      } finally {
        await stopProcess(floorApp);
      }
    });
    const load1 = round(loadavg()[0]!);

    const [{ n: after }] = (await sql`select count(*)::int as n from submissions`) as unknown as [{ n: number }];
    const [{ d }] =
      (await sql`select count(*)::int as d from (select title from submissions where title like ${`[LOAD-${run}-%`} group by title having count(*) > 1) x`) as unknown as [
        { d: number },
      ];
    const acknowledged = submissions.ok + base.ok;
    const ratio = {
      throughput: round(submissions.perSecond / base.perSecond),
      p50: round(submissions.p50Ms / base.p50Ms),
      p95: round(submissions.p95Ms / base.p95Ms),
    };
    const publicP95 = Math.max(home.p95Ms, consultation.p95Ms, inputs.p95Ms);
    const met = {
      submissions:
        submissions.perSecond >= TARGET.submissionsPerSecond &&
        submissions.p95Ms < TARGET.submitP95Ms &&
        submissions.errors === 0,
      publicPages: publicP95 < TARGET.publicP95Ms && home.errors + consultation.errors + inputs.errors === 0,
    };
    const ofFloor = {
      submissionsThroughput: round(submissions.perSecond / floor.perSecond),
      floorSubmissionsThroughputOfBaseline: round(floor.perSecond / base.perSecond),
      homeThroughput: round(home.perSecond / floorPage.perSecond),
      consultationThroughput: round(consultation.perSecond / floorPage.perSecond),
      inputsThroughput: round(inputs.perSecond / floorPage.perSecond),
      moderationQueueThroughput: round(queue.perSecond / floorPage.perSecond),
      submissionsP95OfFloorP95: round(submissions.p95Ms / floor.p95Ms),
    };
    // The same ratios from CPU time per answer of the serving process (floor's ÷ app's): what the
    // throughput ratios would be with the machine to themselves and the database not the limit.
    const cpuOfFloor = {
      submissions: round(floor.cpuMsPerOk / submissions.cpuMsPerOk),
      home: round(floorPage.cpuMsPerOk / home.cpuMsPerOk),
      consultation: round(floorPage.cpuMsPerOk / consultation.cpuMsPerOk),
      inputs: round(floorPage.cpuMsPerOk / inputs.cpuMsPerOk),
      moderationQueue: round(floorPage.cpuMsPerOk / queue.cpuMsPerOk),
    };
    log(`\nRatios app/baseline for submissions: throughput ${ratio.throughput}, p50 ${ratio.p50}, p95 ${ratio.p95}`);
    log(
      `Against the bare Next.js app: submissions throughput ${ofFloor.submissionsThroughput} of the floor's (the floor itself ${ofFloor.floorSubmissionsThroughputOfBaseline} of the bare Node baseline); ` +
        `pages throughput of the bare page's: home ${ofFloor.homeThroughput}, consultation ${ofFloor.consultationThroughput}, public inputs ${ofFloor.inputsThroughput}, ` +
        `moderation queue ${ofFloor.moderationQueueThroughput} (floor page p95 ${floorPage.p95Ms} ms at ${CONNECTIONS} connections); submissions p95 ${ofFloor.submissionsP95OfFloorP95}× the floor action's`,
    );
    log(
      `By CPU time per answer (floor's ÷ app's): submissions ${cpuOfFloor.submissions}, home ${cpuOfFloor.home}, consultation ${cpuOfFloor.consultation}, ` +
        `public inputs ${cpuOfFloor.inputs}, moderation queue ${cpuOfFloor.moderationQueue}`,
    );
    log(
      `Pages as sent (bytes, elements outside scripts, script bytes): ` +
        Object.entries(shapes)
          .map(([k, v]) => `${k} ${v.bytes} B, ${v.elements} elements, ${v.scriptBytes} B`)
          .join("; "),
    );
    if (instances) log(`Two instances behind nginx ÷ one instance behind nginx, submissions/s: ${instances.ratio}`);
    log(`Rows: ${after - before} new submissions (${d} duplicate titles); load average ${load0} → ${load1}`);
    log(
      `Targets: ${TARGET.submissionsPerSecond} submissions/s with p95 < ${TARGET.submitP95Ms} ms and no errors: ${met.submissions ? "met" : "NOT met"}; ` +
        `public pages p95 < ${TARGET.publicP95Ms} ms: ${met.publicPages ? "met" : `NOT met (worst p95 ${publicP95} ms)`}`,
    );
    log(
      JSON.stringify({
        database: DB,
        rows: before,
        generation,
        connections: CONNECTIONS,
        seconds: SECONDS,
        users: USERS,
        organisations: SIGNED_ORGS,
        submissions,
        publicPages: { home, consultation, inputs, homeByConnections },
        moderationQueue: queue,
        pageShapes: shapes,
        baseline: base,
        floor: { submissions: floor, page: floorPage },
        twoInstances: instances,
        ratio,
        ofFloor,
        ratios: {
          submissionsOfFloorAction: ofFloor.submissionsThroughput,
          submissionsP95OfFloorP95: ofFloor.submissionsP95OfFloorP95,
          homeOfFloorPage: ofFloor.homeThroughput,
          consultationOfFloorPage: ofFloor.consultationThroughput,
          inputsOfFloorPage: ofFloor.inputsThroughput,
          moderationQueueOfFloorPage: ofFloor.moderationQueueThroughput,
          twoInstancesOfOne: instances?.ratio ?? null,
          submissionsOfBaseline: ratio.throughput,
          byCpuPerAnswer: cpuOfFloor,
        },
        newRows: after - before,
        acknowledged,
        duplicateTitles: d,
        targets: TARGET,
        met,
        cpus: cpus().length,
        loadAverage: { before: load0, after: load1 },
        provisional: true,
      }),
    );
  } finally {
    await stopProcess(app);
    await stopProcess(baseline);
    await sql.end({ timeout: 2 });
    if (process.env.LOAD_DROP === "1") {
      const a = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists "${DB}" with (force)`);
      await a.end();
    }
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
