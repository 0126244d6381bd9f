import fs from "node:fs";
import { defineConfig, type PlaywrightTestConfig } from "@playwright/test";
import { serverNodeOptions } from "./scripts/heap.mjs";
import { E2E_SIGN_IN_LIMIT } from "./e2e/helpers";
import { serverDataDirs, serverLogPath } from "./e2e/server-logs";

// Debian's Chromium where present (no browser download works on this machine), else Playwright's.
const systemChromium = "/usr/bin/chromium";
const launchOptions = fs.existsSync(systemChromium)
  ? { executablePath: systemChromium, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] }
  : {};

// One server on the embedded database (fresh folder per run) and, when DATABASE_URL is set, one on
// PostgreSQL; every test runs against each.
const common = {
  NEXT_TELEMETRY_DISABLED: "1",
  AUTH_SECRET: "e2e-secret-not-for-production-0123456789",
  AUTH_TRUST_HOST: "true",
  DEMO_ACCOUNTS: "true",
  SIGN_IN_LIMIT_PER_ADDRESS: String(E2E_SIGN_IN_LIMIT),
  // Every request of the suite comes from 127.0.0.1.
  SIGN_IN_LIMIT_PER_CLIENT: "100000",
  SIGN_IN_LIMIT_TOTAL: "100000",
  // As `npm start` runs it.
  NODE_OPTIONS: serverNodeOptions(),
};
// E2E_PORT moves both servers (port and port + 1), so two checkouts can run their suites at once.
const basePort = Number(process.env.E2E_PORT ?? 3100);
const targets = [
  { name: "embedded", port: basePort, env: { ...common, DATA_DIR: serverDataDirs.embedded, DATABASE_URL: "" } },
  ...(process.env.DATABASE_URL
    ? [
        {
          name: "postgres",
          port: basePort + 1,
          env: { ...common, DATA_DIR: serverDataDirs.postgres, DATABASE_URL: process.env.DATABASE_URL },
        },
      ]
    : []),
];

const config: PlaywrightTestConfig = {
  testDir: "./e2e",
  fullyParallel: false,
  // PGlite is single-process and the machine has two cores: one worker.
  workers: 1,
  retries: 0,
  // Generous: CI shares two cores between two servers, PostgreSQL and Chromium.
  timeout: 180_000,
  expect: { timeout: 20_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  // An action that cannot happen fails within a minute, not at the test's timeout.
  use: { launchOptions, trace: "retain-on-failure", actionTimeout: 60_000 },
  // Fails the run when a server's log holds an e-mail address or a name the specs typed.
  globalTeardown: "./e2e/log-check.ts",
  projects: targets.map((t) => ({ name: t.name, use: { baseURL: `http://127.0.0.1:${t.port}` } })),
  webServer: targets.map((t) => ({
    // Output goes to DATA_DIR/server.log (read by e2e/log-check.ts); exec keeps the server's pid.
    // The server `npm start` runs (scripts/server.mjs): in demo mode on 127.0.0.1 only.
    command: `mkdir -p '${t.env.DATA_DIR}' && exec node scripts/server.mjs >> '${serverLogPath(t.env.DATA_DIR)}' 2>&1`,
    url: `http://127.0.0.1:${t.port}/en`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe" as const,
    env: { ...t.env, PORT: String(t.port) },
  })),
};

export default defineConfig(config);
