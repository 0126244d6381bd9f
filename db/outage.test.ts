// A real PostgreSQL outage, with the app's driver options (db/open.ts OUTAGE_OPTIONS): a throwaway
// cluster of this test's own is stopped (immediate mode) and started again. During the outage every
// query fails within a few seconds; after the return the first query succeeds within a second.
// With postgres.js's default backoff (OUTAGE_SLOW=1) the same test shows the old waits.
// Needs initdb/pg_ctl (as the postgres user when run as root); skipped where they are missing.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OUTAGE_OPTIONS } from "./open";

const PORT = Number(process.env.OUTAGE_PG_PORT ?? 3229);
// Debian keeps initdb and pg_ctl outside PATH.
const debianBin = fs.existsSync("/usr/lib/postgresql")
  ? fs
      .readdirSync("/usr/lib/postgresql")
      .map((v) => `/usr/lib/postgresql/${v}/bin`)
      .find((d) => fs.existsSync(`${d}/initdb`))
  : undefined;
const PATH = [process.env.PATH, debianBin].filter(Boolean).join(":");
const asPostgres = (cmd: string, args: string[]): [string, string[]] =>
  process.getuid?.() === 0
    ? ["runuser", ["-u", "postgres", "--", "env", `PATH=${PATH}`, cmd, ...args]]
    : ["env", [`PATH=${PATH}`, cmd, ...args]];
const available =
  spawnSync("sh", ["-c", "command -v initdb && command -v pg_ctl"], { env: { ...process.env, PATH } }).status === 0;
const run = (cmd: string, args: string[]) => {
  const [c, a] = asPostgres(cmd, args);
  const r = spawnSync(c, a, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")}: ${r.stderr || r.stdout}`);
};

describe.skipIf(!available)("a database outage", () => {
  let dir = "";
  const pgCtl = (...args: string[]) => run("pg_ctl", ["-D", dir, ...args]);
  const start = () =>
    pgCtl(
      "-w",
      "-t",
      "60",
      "-l",
      path.join(dir, "log"),
      "-o",
      `-p ${PORT} -k ${dir} -c listen_addresses=127.0.0.1`,
      "start",
    );
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "gcm-outage-pg-"));
    if (process.getuid?.() === 0) spawnSync("chown", ["postgres:postgres", dir]);
    run("initdb", ["-D", dir, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C"]);
    start();
  }, 120_000);
  afterAll(() => {
    spawnSync(...asPostgres("pg_ctl", ["-D", dir, "-m", "immediate", "stop"]));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("fails fast while PostgreSQL is down and serves within a second of its return", async () => {
    const options = process.env.OUTAGE_SLOW === "1" ? { connect_timeout: 10 } : OUTAGE_OPTIONS;
    const sql = postgres(`postgres://postgres@127.0.0.1:${PORT}/postgres`, { max: 4, onnotice: () => {}, ...options });
    await sql`select 1`;
    pgCtl("-m", "immediate", "stop");
    // Five seconds of queries during the outage, four at a time, as requests would send them.
    const slowest: number[] = [];
    const until = Date.now() + 5000;
    await Promise.all(
      [0, 1, 2, 3].map(async () => {
        while (Date.now() < until) {
          const t = performance.now();
          await sql`select 1`.catch(() => null);
          slowest.push(performance.now() - t);
          await new Promise((r) => setTimeout(r, 100));
        }
      }),
    );
    start();
    const back = performance.now();
    let served = -1;
    while (performance.now() - back < 30_000) {
      if (
        await sql`select 1`.then(
          () => true,
          () => false,
        )
      ) {
        served = performance.now() - back;
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    await sql.end({ timeout: 1 });
    console.log(
      `[outage] slowest answer during the outage ${Math.round(Math.max(...slowest))} ms; first query served ${Math.round(served)} ms after the return`,
    );
    expect(Math.max(...slowest)).toBeLessThan(3000);
    expect(served).toBeGreaterThanOrEqual(0);
    expect(served).toBeLessThan(1000);
  }, 120_000);
});
