// Two app instances on one PostgreSQL database: a consultation changed through one shows on the
// other's public page within the stated freshness (lib/cache: PostgreSQL's NOTIFY at commit, and
// PUBLIC_DATA_TTL_MS at worst). The suite's PostgreSQL server is the first instance; this spec starts a
// second `next start` on the same database (E2E_PORT + 2). PostgreSQL only: PGlite is single-process.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PUBLIC_DATA_TTL_MS } from "../lib/cache/freshness";
import { serverNodeOptions } from "../scripts/heap.mjs";
import { expect, test } from "./fixtures";
import { E2E_SIGN_IN_LIMIT, signIn } from "./helpers";
import { serverDataDirs, serverLogPath } from "./server-logs";

const port = Number(process.env.E2E_PORT ?? 3100) + 2;
const second = `http://127.0.0.1:${port}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test.describe("two instances on one database", () => {
  let server: ChildProcess | undefined;

  test.beforeAll(async ({}, info) => {
    test.skip(info.project.name !== "postgres", "PostgreSQL only: the embedded database is single-process");
    const dataDir = serverDataDirs.postgresSecond;
    fs.mkdirSync(dataDir, { recursive: true });
    const out = fs.openSync(serverLogPath(dataDir), "a");
    // The settings of the suite's PostgreSQL server (playwright.config.ts): they must match.
    server = spawn("node_modules/.bin/next", ["start", "-p", String(port)], {
      stdio: ["ignore", out, out],
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        AUTH_SECRET: "e2e-secret-not-for-production-0123456789",
        AUTH_TRUST_HOST: "true",
        DEMO_ACCOUNTS: "true",
        SIGN_IN_LIMIT_PER_ADDRESS: String(E2E_SIGN_IN_LIMIT),
        SIGN_IN_LIMIT_PER_CLIENT: "100000",
        SIGN_IN_LIMIT_TOTAL: "100000",
        NODE_OPTIONS: serverNodeOptions(),
        DATA_DIR: path.resolve(dataDir),
        DATABASE_URL: process.env.DATABASE_URL,
      },
    });
    for (let t0 = Date.now(); ;) {
      try {
        if ((await fetch(`${second}/en`)).ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() - t0 > 120_000) throw new Error(`second instance on ${second} not ready`);
      await sleep(250);
    }
  });

  test.afterAll(async () => {
    if (!server || server.exitCode !== null) return;
    const gone = new Promise((r) => server!.once("exit", r));
    server.kill("SIGTERM");
    await Promise.race([gone, sleep(5000)]);
  });

  test("a consultation changed through one instance shows on the other within the stated freshness", async ({
    page,
  }) => {
    const publicPage = async () => (await fetch(`${second}/en/consultations/pacific`)).text();
    await signIn(page, "secretariat@example.org");
    await page.goto("/en/secretariat/consultations/pacific");
    const field = page.getByLabel("In-person seats");
    const before = await field.inputValue();
    const changed = String((Number(before) || 100) + 1);
    // The second instance has the consultation in its cache before the change.
    expect(await publicPage()).not.toContain(`of ${changed}`);

    const save = async (value: string) => {
      await field.fill(value);
      await page.getByRole("button", { name: "Save" }).click();
      await expect(page.getByText("The consultation has been saved.")).toBeVisible();
    };
    await save(changed);
    const t0 = Date.now();
    let seenAfter = -1;
    while (Date.now() - t0 < PUBLIC_DATA_TTL_MS + 3000) {
      if ((await publicPage()).includes(`of ${changed}`)) {
        seenAfter = Date.now() - t0;
        break;
      }
      await sleep(25);
    }
    test.info().annotations.push({ type: "shown on the other instance after (ms)", description: String(seenAfter) });
    console.log(`two instances: the change showed on the other instance after ${seenAfter} ms`);
    expect(seenAfter, "the change never showed on the other instance").toBeGreaterThanOrEqual(0);
    expect(seenAfter).toBeLessThan(PUBLIC_DATA_TTL_MS);

    // Put it back for the other specs.
    await page.goto("/en/secretariat/consultations/pacific");
    await save(before);
  });
});
