// Page-weight benchmark: what the home page and the submission form cost a visitor on first load,
// against the production build under scripts/server.mjs (as `npm start` serves it) (compressed as Next serves it), in Chromium.
//
//   npm run bench:weight    (= node --import tsx bench/page-weight.ts)
//
// It starts the server itself on BENCH_PORT (default 3290) with the embedded database in a fresh
// temporary DATA_DIR (deleted afterwards), signs the demo owner in through the local outbox (as a
// person would), and loads each page in a fresh browser context (empty cache), watched over the
// Chrome DevTools Protocol:
// - bytes transferred: Network.loadingFinished encodedDataLength of every request until the network
//   is quiet (compressed bodies plus headers);
// - first-load JavaScript: the scripts requested before the page hydrated, compressed (body bytes on
//   the wire: encodedDataLength less the response headers) and uncompressed (Network.dataReceived
//   dataLength), and their count;
// - times from navigation start, under Network.emulateNetworkConditions with Chrome DevTools' own
//   presets (devtools-frontend SDK/NetworkManager.ts; the latency is added once per request):
//     "3G" (Slow3GConditions, named "Slow 3G" until 2024): 500 kbit/s × 0.8 = 400 kbit/s down and
//       up, 400 ms × 5 = 2,000 ms latency;
//     "Slow 4G" (Slow4GConditions, named "Fast 3G" until 2024): 1.6 Mbit/s × 0.9 = 1.44 Mbit/s
//       down, 750 kbit/s × 0.9 = 675 kbit/s up, 150 ms × 3.75 = 562.5 ms latency;
//   no CPU slowdown. "Field shown": the form's Title field is in the document and the page has
//   painted (first contentful paint; the stylesheet blocks rendering), so a person can type and post
//   (the form works without JavaScript). "Hydrated": html[data-hydrated] is set
//   (components/hydration-marker.tsx), after which the form's scripts handle what is typed.
//   "Usable" = the later of the two. After each unthrottled load the bench types into the field and
//   checks that it kept the text. (No time to first byte: the emulated latency does not show in the
//   page's own responseStart.)
// Baseline in the same run: a not-found page (/en/no-such-page), the floor every page ships
// (framework, React, the layout's client components); ratios are against it.
// Targets: the form's first-load JavaScript under 150 KB compressed (KB = 1000 bytes), usable within
// 5 s on 3G (checked on each of the two presets, reported separately).
// Environment: BENCH_PORT, BENCH_RUNS (3 loads per page and condition; medians), BENCH_SLUG (asia),
// BENCH_BUILD=1 to run `next build` first (it runs anyway when .next/BUILD_ID is missing).
// Prints tables and, last, exactly one line of JSON.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContextOptions } from "@playwright/test";

const PORT = Number(process.env.BENCH_PORT ?? 3290);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const SLUG = process.env.BENCH_SLUG ?? "asia";
const BASE = `http://127.0.0.1:${PORT}`;
const OWNER = "owner@example.org";
const TARGET_JS_BYTES = 150_000;
const TARGET_USABLE_MS = 5_000;
const FIELD = 'input[name="title"]';

const PRESETS = {
  "3G": { latency: 400 * 5, downloadThroughput: ((500 * 1000) / 8) * 0.8, uploadThroughput: ((500 * 1000) / 8) * 0.8 },
  "Slow 4G": {
    latency: 150 * 3.75,
    downloadThroughput: ((1.6 * 1000 * 1000) / 8) * 0.9,
    uploadThroughput: ((750 * 1000) / 8) * 0.9,
  },
} as const;
type Preset = keyof typeof PRESETS;
const PRESET_NAMES = Object.keys(PRESETS) as Preset[];

const log = (...a: unknown[]) => console.log(...a);
const kb = (b: number) => Math.round(b / 100) / 10;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

// ---------------------------------------------------------------- the server
function ensureBuild() {
  if (process.env.BENCH_BUILD !== "1" && fs.existsSync(".next/BUILD_ID")) {
    const age = Math.round((Date.now() - fs.statSync(".next/BUILD_ID").mtimeMs) / 60_000);
    log(
      `production build ${fs.readFileSync(".next/BUILD_ID", "utf8").trim()} (built ${age} min ago; BENCH_BUILD=1 rebuilds)`,
    );
    return;
  }
  log("building (next build) …");
  const r = spawnSync("node_modules/.bin/next", ["build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (r.status !== 0) throw new Error("next build failed");
}

async function startServer(dataDir: string): Promise<ChildProcess> {
  // The server `npm start` runs: the outbox answers only this computer, which it learns from the socket.
  const server = spawn(process.execPath, ["scripts/server.mjs"], {
    env: {
      ...process.env,
      PORT: String(PORT),
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      DEMO_ACCOUNTS: "true",
      AUTH_SECRET: "bench-secret-not-for-production-0123456789",
      AUTH_TRUST_HOST: "true",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout!.on("data", (d) => (output += d));
  server.stderr!.on("data", (d) => (output += d));
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited:\n${output}`);
    try {
      if ((await fetch(`${BASE}/en`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  server.kill("SIGTERM");
  throw new Error(`next start did not answer on ${BASE} within 120 s:\n${output}`);
}

// ---------------------------------------------------------------- signing in
// Right after `commit` the document may have no root element yet.
const HYDRATED = () => document.documentElement?.dataset.hydrated === "true";

/** The demo owner's session, through the sign-in form, the local outbox and the confirmation page. */
async function signIn(browser: Browser): Promise<NonNullable<BrowserContextOptions["storageState"]>> {
  const context = await browser.newContext({ baseURL: BASE });
  const page = await context.newPage();
  await page.goto("/en/sign-in");
  await page.waitForFunction(HYDRATED);
  await page
    .getByLabel(/e-mail/i)
    .first()
    .fill(OWNER);
  await page.locator("form button[type=submit]").click();
  await page.waitForURL(/\/en\/sign-in\/check-email$/);
  await page.goto("/en/dev/outbox");
  const mail = page
    .getByTestId("outbox-mail")
    .filter({ has: page.getByTestId("outbox-to").getByText(OWNER, { exact: true }) })
    .first();
  const link = await mail.getByRole("link").first().getAttribute("href");
  if (!link) throw new Error("no sign-in link in the outbox");
  await page.goto(link);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/en\/account/);
  const state = await context.storageState();
  await context.close();
  return state;
}

// ---------------------------------------------------------------- one page load
interface Load {
  status: number;
  requests: number;
  transferred: number;
  jsCount: number;
  jsCompressed: number;
  jsUncompressed: number;
  jsLaterCount: number;
  jsLaterCompressed: number;
  jsWithoutEncoding: string[];
  cssCompressed: number;
  documentCompressed: number;
  fcp: number | null;
  fieldAt: number | null;
  hydratedAt: number | null;
  usable: number | null;
  typingKept: boolean | null;
  scripts: { url: string; compressed: number; uncompressed: number }[];
}

interface Req {
  url: string;
  type: string;
  headerBytes: number;
  encoded: number;
  decoded: number;
  done: boolean;
  encoding: string;
  beforeHydration: boolean;
}

// Timestamps from navigation start, taken as the parser inserts the field and as hydration marks the
// document. A string, not a function: tsx would wrap named functions in a helper the page lacks. (An
// init script is inserted by DevTools, so the page's Content-Security-Policy does not apply to it.)
const timingScript = (field: string | null) => `(() => {
  const field = ${JSON.stringify(field)};
  const b = (window.__bench = { fieldAt: null, hydratedAt: null });
  const check = () => {
    if (field && b.fieldAt === null && document.querySelector(field)) b.fieldAt = performance.now();
    if (b.hydratedAt === null && document.documentElement && document.documentElement.dataset.hydrated === "true") {
      b.hydratedAt = performance.now();
      window.__benchHydrated();
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-hydrated"] });
})();`;

async function load(
  browser: Browser,
  target: string,
  o: { storageState?: BrowserContextOptions["storageState"]; preset?: Preset; field: boolean },
): Promise<Load> {
  const context = await browser.newContext({ baseURL: BASE, storageState: o.storageState });
  let isHydrated = false;
  await context.exposeBinding("__benchHydrated", () => {
    isHydrated = true;
  });
  await context.addInitScript({ content: timingScript(o.field ? FIELD : null) });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const reqs = new Map<string, Req>();
  let lastActivity = Date.now();
  cdp.on("Network.requestWillBeSent", (e) => {
    lastActivity = Date.now();
    reqs.set(e.requestId, {
      url: e.request.url,
      type: e.type ?? "Other",
      headerBytes: 0,
      encoded: 0,
      decoded: 0,
      done: false,
      encoding: "",
      beforeHydration: !isHydrated,
    });
  });
  cdp.on("Network.responseReceived", (e) => {
    const r = reqs.get(e.requestId);
    if (!r) return;
    r.headerBytes = e.response.encodedDataLength;
    const h = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    r.encoding = h["content-encoding"] ?? "";
  });
  cdp.on("Network.dataReceived", (e) => {
    lastActivity = Date.now();
    const r = reqs.get(e.requestId);
    if (r) r.decoded += e.dataLength;
  });
  cdp.on("Network.loadingFinished", (e) => {
    lastActivity = Date.now();
    const r = reqs.get(e.requestId);
    if (r) Object.assign(r, { encoded: e.encodedDataLength, done: true });
  });
  cdp.on("Network.loadingFailed", (e) => {
    lastActivity = Date.now();
    const r = reqs.get(e.requestId);
    if (r) r.done = true;
  });
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (o.preset) await cdp.send("Network.emulateNetworkConditions", { offline: false, ...PRESETS[o.preset] });

  const response = await page.goto(target, { waitUntil: "commit", timeout: 120_000 });
  await page.waitForFunction(HYDRATED, undefined, { timeout: 120_000 });
  // Then until the network has been quiet for 1.5 s (prefetches included), at most 60 s.
  const giveUp = Date.now() + 60_000;
  while (Date.now() < giveUp && ([...reqs.values()].some((r) => !r.done) || Date.now() - lastActivity < 1_500)) {
    await new Promise((r) => setTimeout(r, 100));
  }
  const t = await page.evaluate(() => {
    const fcp = performance.getEntriesByName("first-contentful-paint")[0];
    const b = (window as unknown as { __bench?: { fieldAt: number | null; hydratedAt: number | null } }).__bench;
    return { fcp: fcp?.startTime ?? null, fieldAt: b?.fieldAt ?? null, hydratedAt: b?.hydratedAt ?? null };
  });
  let typingKept: boolean | null = null;
  if (o.field && !o.preset) {
    await page.locator(FIELD).click();
    await page.keyboard.press("End");
    await page.keyboard.type(" typed");
    typingKept = (await page.locator(FIELD).inputValue()).endsWith(" typed");
  }
  await context.close();

  const all = [...reqs.values()];
  const body = (r: Req) => Math.max(0, r.encoded - r.headerBytes);
  const sum = (rs: Req[], f: (r: Req) => number) => rs.reduce((s, r) => s + f(r), 0);
  const scripts = all.filter((r) => r.type === "Script");
  const first = scripts.filter((r) => r.beforeHydration);
  const later = scripts.filter((r) => !r.beforeHydration);
  return {
    status: response?.status() ?? 0,
    requests: all.length,
    transferred: sum(all, (r) => r.encoded),
    jsCount: first.length,
    jsCompressed: sum(first, body),
    jsUncompressed: sum(first, (r) => r.decoded),
    jsLaterCount: later.length,
    jsLaterCompressed: sum(later, body),
    jsWithoutEncoding: first.filter((r) => !r.encoding).map((r) => `${new URL(r.url).pathname} (${r.decoded} B)`),
    cssCompressed: sum(
      all.filter((r) => r.type === "Stylesheet"),
      body,
    ),
    documentCompressed: sum(
      all.filter((r) => r.type === "Document"),
      body,
    ),
    fcp: t.fcp,
    fieldAt: t.fieldAt !== null && t.fcp !== null ? Math.max(t.fieldAt, t.fcp) : null,
    hydratedAt: t.hydratedAt,
    usable:
      o.field && t.fieldAt !== null && t.fcp !== null && t.hydratedAt !== null
        ? Math.max(t.fieldAt, t.fcp, t.hydratedAt)
        : null,
    typingKept,
    scripts: first
      .map((r) => ({ url: new URL(r.url).pathname, compressed: body(r), uncompressed: r.decoded }))
      .sort((a, b) => b.compressed - a.compressed),
  };
}

// ---------------------------------------------------------------- the run
interface PageSpec {
  key: "floor" | "home" | "form";
  label: string;
  path: string;
  status: number;
  signedIn: boolean;
  field: boolean;
}

const PAGES: PageSpec[] = [
  {
    key: "floor",
    label: "baseline: not-found page",
    path: "/en/no-such-page",
    status: 404,
    signedIn: false,
    field: false,
  },
  { key: "home", label: "home page", path: "/en", status: 200, signedIn: false, field: false },
  {
    key: "form",
    label: "submission form (owner)",
    path: `/en/consultations/${SLUG}/submit`,
    status: 200,
    signedIn: true,
    field: true,
  },
];

type Results = Record<PageSpec["key"], { weight: Load; times: Record<Preset, Load[]> }>;

async function main() {
  ensureBuild();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "gcm-bench-weight-"));
  log(
    `next start on ${BASE}, embedded database in ${dataDir}; ${RUNS} loads per page and condition; load average ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(" ")}`,
  );
  const server = await startServer(dataDir);
  const executablePath = fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
  const browser = await chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  try {
    const owner = await signIn(browser);
    const results = {} as Results;
    for (const p of PAGES) {
      const opts = { storageState: p.signedIn ? owner : undefined, field: p.field };
      const unthrottled: Load[] = [];
      for (let i = 0; i < RUNS; i++) unthrottled.push(await load(browser, p.path, opts));
      for (const l of unthrottled) {
        if (l.status !== p.status) throw new Error(`${p.path}: HTTP ${l.status}`);
        if (p.field && !l.typingKept) throw new Error(`${p.path}: the Title field did not keep the typed text`);
      }
      const times = {} as Record<Preset, Load[]>;
      for (const preset of PRESET_NAMES) {
        times[preset] = [];
        for (let i = 0; i < RUNS; i++) times[preset].push(await load(browser, p.path, { ...opts, preset }));
      }
      // Weights do not depend on the network: the median unthrottled load stands for them.
      const weight = [...unthrottled].sort((a, b) => a.transferred - b.transferred)[unthrottled.length >> 1]!;
      results[p.key] = { weight, times };
    }
    report(results);
  } finally {
    await browser.close();
    server.kill("SIGTERM");
    await new Promise((r) => (server.exitCode !== null ? r(null) : server.once("exit", r)));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function report(results: Results) {
  const floor = results.floor.weight;
  const ms = (x: number | null) => (x === null ? "–" : `${Math.round(x)}`);
  const med = (ls: Load[], f: (l: Load) => number | null) => {
    const xs = ls.map(f).filter((x): x is number => x !== null);
    return xs.length ? median(xs) : null;
  };
  log("\nWeight (unthrottled, cold cache; KB = 1000 bytes)");
  log(
    "| page | requests | transferred KB | first-load JS: scripts | compressed KB | uncompressed KB | vs baseline | JS after hydration | CSS KB | HTML KB |",
  );
  log("|---|---|---|---|---|---|---|---|---|---|");
  for (const p of PAGES) {
    const w = results[p.key].weight;
    log(
      `| ${p.label} | ${w.requests} | ${kb(w.transferred)} | ${w.jsCount} | ${kb(w.jsCompressed)} | ${kb(w.jsUncompressed)} | ${(w.jsCompressed / floor.jsCompressed).toFixed(2)}× | ${w.jsLaterCount} (${kb(w.jsLaterCompressed)} KB) | ${kb(w.cssCompressed)} | ${kb(w.documentCompressed)} |`,
    );
  }
  const plain = [...new Set(PAGES.flatMap((p) => results[p.key].weight.jsWithoutEncoding))];
  if (plain.length)
    log(`Scripts served without compression (Next compresses only bodies over 1 KB): ${plain.join(", ")}`);

  log("\nTimes from navigation start, ms (median of loads; no CPU slowdown)");
  log("| page | network | first contentful paint | field shown | hydrated | usable |");
  log("|---|---|---|---|---|---|");
  for (const p of PAGES) {
    for (const preset of PRESET_NAMES) {
      const ls = results[p.key].times[preset];
      log(
        `| ${p.label} | ${preset} | ${ms(med(ls, (l) => l.fcp))} | ${ms(med(ls, (l) => l.fieldAt))} | ${ms(med(ls, (l) => l.hydratedAt))} | ${ms(med(ls, (l) => l.usable))} |`,
      );
    }
  }

  const form = results.form;
  log("\nThe form's first-load scripts, largest first (compressed / uncompressed KB)");
  for (const s of form.weight.scripts.slice(0, 8))
    log(`  ${kb(s.compressed).toString().padStart(6)} / ${kb(s.uncompressed).toString().padStart(6)}  ${s.url}`);

  const usable = Object.fromEntries(
    PRESET_NAMES.map((preset) => [preset, med(form.times[preset], (l) => l.usable)]),
  ) as Record<Preset, number | null>;
  const usableMet = (preset: Preset) => usable[preset] !== null && usable[preset]! < TARGET_USABLE_MS;
  const jsMet = form.weight.jsCompressed < TARGET_JS_BYTES;
  log("\nTargets");
  log(
    `  form first-load JS < ${kb(TARGET_JS_BYTES)} KB compressed: ${kb(form.weight.jsCompressed)} KB — ${jsMet ? "met" : "MISSED"}`,
  );
  for (const preset of PRESET_NAMES)
    log(
      `  form usable < ${TARGET_USABLE_MS} ms on DevTools "${preset}": ${ms(usable[preset])} ms — ${usableMet(preset) ? "met" : "MISSED"}`,
    );

  const summary = (key: PageSpec["key"]) => {
    const r = results[key];
    return {
      transferredBytes: r.weight.transferred,
      requests: r.weight.requests,
      firstLoadJs: {
        scripts: r.weight.jsCount,
        compressedBytes: r.weight.jsCompressed,
        uncompressedBytes: r.weight.jsUncompressed,
        ratioToBaseline: Number((r.weight.jsCompressed / floor.jsCompressed).toFixed(3)),
      },
      jsAfterHydration: { scripts: r.weight.jsLaterCount, compressedBytes: r.weight.jsLaterCompressed },
      cssCompressedBytes: r.weight.cssCompressed,
      htmlCompressedBytes: r.weight.documentCompressed,
      timesMs: Object.fromEntries(
        PRESET_NAMES.map((preset) => {
          const ls = r.times[preset];
          const m = (f: (l: Load) => number | null) => {
            const v = med(ls, f);
            return v === null ? null : Math.round(v);
          };
          return [
            preset,
            {
              fcp: m((l) => l.fcp),
              fieldShown: m((l) => l.fieldAt),
              hydrated: m((l) => l.hydratedAt),
              usable: m((l) => l.usable),
            },
          ];
        }),
      ),
    };
  };
  console.log(
    JSON.stringify({
      bench: "page-weight",
      runs: RUNS,
      loadavg1: Number(os.loadavg()[0]!.toFixed(2)),
      presets: PRESETS,
      pages: { baseline: summary("floor"), home: summary("home"), form: summary("form") },
      targets: {
        formFirstLoadJsUnder150KB: jsMet,
        formUsableUnder5s: Object.fromEntries(PRESET_NAMES.map((p) => [p, usableMet(p)])),
      },
    }),
  );
}

await main();
