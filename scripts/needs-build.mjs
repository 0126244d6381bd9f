// True when .next is missing or older than any source file (so `npm start` builds first).
import fs from "node:fs";
import path from "node:path";

const roots = [
  "app",
  "components",
  "lib",
  "db",
  "messages",
  "scripts/mode.mjs",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.js",
  "package-lock.json",
];

function newest(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = 0;
  for (const e of fs.readdirSync(p)) m = Math.max(m, newest(path.join(p, e)));
  return m;
}

export function needsBuild() {
  const id = ".next/BUILD_ID";
  if (!fs.existsSync(id)) return true;
  const built = fs.statSync(id).mtimeMs;
  return roots.some((r) => newest(r) > built);
}
