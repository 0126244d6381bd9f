// Fixes a bug in postgres.js 3.4.9 (the newest release) that leaves connections dead after the
// database restarts; run by `npm install`/`npm ci` (package.json "postinstall"), before `next build`
// bundles the driver.
//
// The bug: a connection batches small writes and flushes them with setImmediate. When the socket
// closes while such a flush is pending, `closed()` (and `terminate()`) clear the immediate but leave
// `nextWriteTimer` set and the unsent bytes in `chunk`. The next connection attempt writes its
// StartupMessage behind those stale bytes and, seeing a timer "already pending", never flushes: the
// server receives a TCP connection and nothing more, `connect_timeout` fires, and the same happens
// on every retry, for as long as the process lives. Seen in `npm run bench:lost`: after PostgreSQL
// came back, two of the pool's ten connections failed every 3 s (CONNECT_TIMEOUT), and requests that
// drew them answered with the error page seconds after the database had returned.
//
// The fix forgets the pending flush and its bytes when the socket goes (they belong to the dead
// connection; the queries they carried have already been failed). Idempotent; says what it did.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "node_modules", "postgres");
// The two statements that stand alone on their line (the third, in nextWrite, already resets both).
const BROKEN = /^( +)clearImmediate\(nextWriteTimer\)\n/gm;
const FIXED = "$1clearImmediate(nextWriteTimer)\n$1nextWriteTimer = chunk = null // patched: scripts/patch-postgres.mjs\n";
const MARK = "patched: scripts/patch-postgres.mjs";

let version = "?";
try {
  version = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).version;
} catch {
  console.log("[patch-postgres] postgres is not installed; nothing to patch");
  process.exit(0);
}
let patched = 0;
for (const rel of ["src/connection.js", "cjs/src/connection.js", "cf/src/connection.js"]) {
  const file = path.join(root, rel);
  if (!fs.existsSync(file)) continue;
  const text = fs.readFileSync(file, "utf8");
  if (text.includes(MARK)) continue;
  const count = (text.match(BROKEN) ?? []).length;
  if (count !== 2) {
    // Another version of the driver: the code has changed, so the patch may no longer apply or be needed.
    console.warn(`[patch-postgres] postgres ${version}: ${rel} does not look as expected (${count} matches); left unpatched`);
    continue;
  }
  fs.writeFileSync(file, text.replace(BROKEN, FIXED));
  patched += 1;
}
console.log(`[patch-postgres] postgres ${version}: ${patched} file(s) patched`);
