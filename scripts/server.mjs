// The production server (`npm start`, the end-to-end suite, the benchmarks): Next.js's own request
// handler behind a plain Node `http` server, which does two things `next start` cannot:
// - it listens on the loopback address only in demo mode, unless HOSTNAME says otherwise;
// - it writes the socket's remote address into PEER_HEADER on every request, after deleting any copy
//   the client sent, so the app can tell a request from this computer from one off the network
//   without trusting X-Forwarded-For (lib/security/peer.ts);
// - it reads form posts (multipart) first and passes them on within Next.js's body limits, files the
//   form cannot take emptied and marked, so the form answers with a field error instead of a 500
//   (scripts/multipart-limit.mjs);
// - a document that fails while rendering gets a translated error page with status 503 instead of
//   Next.js's empty 500 document (scripts/error-page.mjs).
// Uses only Next.js's documented custom-server API (`next({ … }).getRequestHandler()`).
import http from "node:http";
import { Readable } from "node:stream";
import { guardErrorDocument, loadErrorPages } from "./error-page.mjs";
import { PEER_HEADER, resolveMode, startupBlock } from "./mode.mjs";
import { boundaryOf, limitMultipart, MAX_FORWARDED_BYTES, MAX_TEXT_FIELD_BYTES } from "./multipart-limit.mjs";

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
const errorPages = loadErrorPages();

const server = http.createServer((req, res) => {
  delete req.headers[PEER_HEADER];
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
  guardErrorDocument(req, res, errorPages);
  const contentType = req.headers["content-type"] ?? "";
  if (req.method === "POST" && /^multipart\/form-data/i.test(contentType)) {
    const boundary = boundaryOf(contentType);
    if (!boundary) return refuse(res, 400);
    limitMultipart(req, boundary, actionFields(req))
      .then(async (body) =>
        body && (req.headers["next-action"] || (await parsesAsForm(body, contentType))) ? body : null,
      )
      .then(
        (body) => (body ? void handle(withBody(req, body), res) : refuse(res, 400)),
        () => refuse(res, 400),
      );
    return;
  }
  // No form sends anything else this large; Next.js would cut it short and fail.
  if (Number(req.headers["content-length"] ?? 0) > MAX_FORWARDED_BYTES) return refuse(res, 413);
  // A server action called with a body that is not multipart: its arguments as one JSON text.
  if (req.method === "POST" && req.headers["next-action"]) {
    readJson(req).then(
      (body) => (body ? void handle(withBody(req, body), res) : refuse(res, 400)),
      () => refuse(res, 400),
    );
    return;
  }
  void handle(req, res);
});

/**
 * Server-action arguments are decoded by React, which answers 500 to what is not JSON: those fields
 * are checked here. Called by script (Next-Action header): the root "0" (a list: the arguments) and
 * every numbered field; from
 * a form without JavaScript: the bound arguments ($ACTION_1:0 …).
 */
function actionFields(req) {
  if (req.headers["next-action"])
    return { jsonField: (name) => /^\d+$/.test(name), requiredFields: ["0"], arrayFields: ["0"] };
  return { jsonField: (name) => /^\$ACTION_\d+:\d+$/.test(name) };
}

/** A post from a form without JavaScript is read by Next.js with the platform's parser (undici), which
 * is stricter than ours about part headers: what it cannot read is answered 400 here, not 500 there. */
async function parsesAsForm(body, contentType) {
  try {
    await new Response(body, { headers: { "content-type": contentType } }).formData();
    return true;
  } catch {
    return false;
  }
}

async function readJson(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size <= MAX_TEXT_FIELD_BYTES) chunks.push(chunk);
  }
  if (size > MAX_TEXT_FIELD_BYTES) return null;
  const body = Buffer.concat(chunks);
  try {
    // The action's arguments: a list.
    return Array.isArray(JSON.parse(body.toString("utf8"))) ? body : null;
  } catch {
    return null;
  }
}

/** The request as Next.js reads it, with `body` in place of what the client sent. */
function withBody(req, body) {
  const copy = new Readable({ read() {} });
  copy.push(body);
  copy.push(null);
  const headers = { ...req.headers, "content-length": String(body.length) };
  delete headers["transfer-encoding"];
  return Object.assign(copy, {
    headers,
    rawHeaders: Object.entries(headers).flatMap(([k, v]) =>
      Array.isArray(v) ? v.flatMap((x) => [k, x]) : [k, String(v)],
    ),
    trailers: {},
    rawTrailers: [],
    method: req.method,
    url: req.url,
    httpVersion: req.httpVersion,
    httpVersionMajor: req.httpVersionMajor,
    httpVersionMinor: req.httpVersionMinor,
    socket: req.socket,
    connection: req.socket,
    complete: true,
    aborted: false,
  });
}

function refuse(res, status) {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, {
    "Content-Type": "text/plain; charset=utf-8",
    "Cache-Control": "no-store",
    Connection: "close",
  });
  res.end(status === 413 ? "Request too large.\n" : "Malformed form post.\n");
}
// An idle keep-alive connection is closed by the client or the proxy in front, not by us first:
// Node's 5 s default lets a client (or nginx, whose upstream connections live up to 60 s) send a
// request on a connection the server is closing at that moment, and that request fails with a
// dropped connection (seen in `npm run bench:lost` under load). Headers must time out later still.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.on("error", (err) => {
  console.error(`[start] cannot listen on ${mode.host}:${port}: ${err.message}`);
  process.exit(1);
});
server.listen(port, mode.host, () => {
  console.log(startupBlock(mode, port));
});
