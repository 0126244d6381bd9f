// `npm start`: build if needed, then serve on PORT (default 3000). Without DATABASE_URL the
// embedded database in DATA_DIR (./.data) is opened, migrated and seeded at start-up.
import { spawn, spawnSync } from "node:child_process";
import { serverNodeOptions } from "./heap.mjs";
import { localEnv } from "./local-env.mjs";
import { needsBuild } from "./needs-build.mjs";

const env = { NEXT_TELEMETRY_DISABLED: "1", ...localEnv() };
const next = "node_modules/.bin/next";

if (needsBuild()) {
  console.log("[start] building the portal (first start or sources changed)…");
  const r = spawnSync(next, ["build"], { stdio: "inherit", env: { ...env, NODE_ENV: "production" } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const port = env.PORT || "3000";
const child = spawn(next, ["start", "-p", port], { stdio: "inherit", env: { ...env, NODE_OPTIONS: serverNodeOptions(env) } });
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
