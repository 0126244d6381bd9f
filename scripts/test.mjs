// `npm test`: every test. Unit and integration tests (PGlite, and PostgreSQL when DATABASE_URL is
// set), then a production build, then Playwright in Chromium against it (embedded database, and
// PostgreSQL too when DATABASE_URL is set).
import { spawnSync } from "node:child_process";

process.env.NEXT_TELEMETRY_DISABLED ??= "1";

function run(label, cmd, args, env = process.env) {
  console.log(`\n[test] ${label}: ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  if (r.status !== 0) {
    console.error(`[test] ${label} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
}

const only = process.argv[2];
if (!only || only === "unit") {
  run("lint", "node_modules/.bin/eslint", ["."]);
  run("formatting (npm run format to fix)", "node_modules/.bin/prettier", ["--check", "."]);
}
if (!only || only === "unit") run("unit and integration", "node_modules/.bin/vitest", ["run"]);
if (!only || only === "e2e") {
  run("build", "node_modules/.bin/next", ["build"], { ...process.env, NODE_ENV: "production" });
  run("type-check, tests included", "node_modules/.bin/tsc", ["--noEmit"]);
  run("end-to-end", "node_modules/.bin/playwright", ["test"]);
}
