// Fixes two bugs of postgres.js 3.4.9 (the newest release) that show when the database restarts;
// run by `npm install`/`npm ci` (package.json "postinstall"), before `next build` bundles the driver.
// Both are reported upstream with fixes proposed and not released (porsager/postgres#1154, #1168,
// #1208/#1209 for the second); `db/open.test.ts` checks that the installed driver carries both.
//
// 1. Dead connections after a restart. A connection batches small writes and flushes them with
//    setImmediate. When the socket closes while such a flush is pending, `closed()` (and
//    `terminate()`) clear the immediate but leave `nextWriteTimer` set and the unsent bytes in
//    `chunk`. The next connection attempt writes its StartupMessage behind those stale bytes and,
//    seeing a timer "already pending", never flushes: the server gets a TCP connection and nothing
//    more, `connect_timeout` fires, and the same happens on every retry for as long as the process
//    lives. Seen in `npm run bench:lost`: after PostgreSQL came back, two of the pool's ten
//    connections failed every 3 s (CONNECT_TIMEOUT; the server logged "connection received" and
//    never "authorized"), and requests that drew them got the error page long after the return.
//    Fixed by forgetting the pending flush and its bytes when the socket goes (they belong to the
//    dead connection, whose queries have been failed).
// 2. An uncaught TypeError ("Cannot read properties of null (reading 'write')") when a flush runs
//    after the socket has gone. Fixed as upstream proposes: the flush fails the connection's queries
//    with CONNECTION_CLOSED (so nobody waits forever) instead of throwing from a timer.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "node_modules", "postgres");
const MARK = "// patched: scripts/patch-postgres.mjs";
const patches = [
  {
    name: "reset the pending flush when the socket goes",
    // The two statements alone on their line (the third, in nextWrite, already resets both).
    from: /^( +)clearImmediate\(nextWriteTimer\)\n/gm,
    to: `$1clearImmediate(nextWriteTimer)\n$1nextWriteTimer = chunk = null ${MARK}\n`,
    expected: 2,
  },
  {
    name: "no write on a closed socket",
    from: /^( +)function nextWrite\(fn\) \{\n/gm,
    to: `$1function nextWrite(fn) {\n$1  if (!socket) { ${MARK}\n$1    chunk = nextWriteTimer = null\n$1    error(Errors.connection('CONNECTION_CLOSED', options, socket))\n$1    return false\n$1  }\n`,
    expected: 1,
  },
];

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
  let text = fs.readFileSync(file, "utf8");
  if (text.includes(MARK)) continue; // patched before
  let ok = true;
  for (const p of patches) {
    const count = (text.match(p.from) ?? []).length;
    if (count !== p.expected) {
      // Another version of the driver: the code has changed, so the patch may no longer apply or be needed.
      console.warn(
        `[patch-postgres] postgres ${version}: ${rel}: "${p.name}" found ${count} places, expected ${p.expected}; file left unpatched`,
      );
      ok = false;
      break;
    }
    text = text.replace(p.from, p.to);
  }
  if (!ok) continue;
  fs.writeFileSync(file, text);
  patched += 1;
}
console.log(`[patch-postgres] postgres ${version}: ${patched} file(s) patched`);
