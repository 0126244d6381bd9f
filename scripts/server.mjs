// The production server (`npm start`, the end-to-end suite, the benchmarks): Next.js's own request
// handler behind a plain Node `http` server, which does two things `next start` cannot:
// - it listens on the loopback address only in demo mode, unless HOSTNAME says otherwise;
// - it writes the socket's remote address into PEER_HEADER on every request, after deleting any copy
//   the client sent, so the app can tell a request from this computer from one off the network
//   without trusting X-Forwarded-For (lib/security/peer.ts).
// Uses only Next.js's documented custom-server API (`next({ … }).getRequestHandler()`).
import http from "node:http";
import { PEER_HEADER, resolveMode, startupBlock } from "./mode.mjs";

const mode = resolveMode(process.env);
if (mode.refusal) {
  console.error(mode.refusal);
  process.exit(1);
}
// The local try-out: demo accounts on by default. Said explicitly to the app, which refuses an
// implicit default in production (lib/startup.ts), as `next start` always runs in production.
if (mode.demoAccounts && !mode.demoExplicit) process.env.DEMO_ACCOUNTS = "true";
process.env.NODE_ENV = "production";

const port = Number(process.env.PORT || 3000);
const { default: next } = await import("next");
const app = next({ dev: false, dir: process.cwd(), hostname: mode.host, port });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((req, res) => {
  delete req.headers[PEER_HEADER];
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
  void handle(req, res);
});
server.on("error", (err) => {
  console.error(`[start] cannot listen on ${mode.host}:${port}: ${err.message}`);
  process.exit(1);
});
server.listen(port, mode.host, () => {
  console.log(startupBlock(mode, port));
});
