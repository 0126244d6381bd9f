// `npm start`: build if needed, then serve on PORT (default 3000) through scripts/server.mjs. Without
// DATABASE_URL the embedded database in DATA_DIR (./.data) is opened, migrated and seeded at start-up.
// In demo mode it listens on the loopback address only unless HOSTNAME is set (scripts/mode.mjs).
import { spawn, spawnSync } from "node:child_process";
import { serverNodeOptions } from "./heap.mjs";
import { localEnv } from "./local-env.mjs";
import { resolveMode } from "./mode.mjs";
import { needsBuild } from "./needs-build.mjs";

// Refuse before a build, not after it.
const refusal = resolveMode(process.env).refusal;
if (refusal) {
  console.error(refusal);
  process.exit(1);
}

const env = { NEXT_TELEMETRY_DISABLED: "1", ...localEnv() };

if (needsBuild()) {
  console.log("[start] building the portal (first start or sources changed)…");
  const r = spawnSync("node_modules/.bin/next", ["build"], {
    stdio: "inherit",
    env: { ...env, NODE_ENV: "production" },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const child = spawn(process.execPath, ["scripts/server.mjs"], {
  stdio: "inherit",
  env: { ...env, NODE_OPTIONS: serverNodeOptions(env) },
});
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
