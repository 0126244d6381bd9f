// When a page fails while it is being rendered (the database died after the layout's check, for one),
// Next.js answers a document request with status 500 and an empty document: its error.tsx runs only
// in the browser, so a person without JavaScript sees a blank page. scripts/server.mjs puts this
// guard on every document request: the first time the response's head is written with a 5xx status,
// the head becomes 503 (with Retry-After) and the body a translated error page written here, from
// messages/<locale>.json, with no database; what Next.js writes after that is dropped.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";

const LOCALES = ["en", "fr", "es", "ar"];
const proto = http.ServerResponse.prototype;

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The error page of each locale, built once at start-up. */
export function loadErrorPages(dir = process.cwd()) {
  const pages = {};
  for (const locale of LOCALES) {
    const { errors, meta } = JSON.parse(fs.readFileSync(path.join(dir, "messages", `${locale}.json`), "utf8"));
    pages[locale] = Buffer.from(
      `<!DOCTYPE html><html lang="${locale}" dir="${locale === "ar" ? "rtl" : "ltr"}"><head><meta charset="utf-8">` +
        `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(errors.errorTitle)} · ${escape(meta?.title ?? "")}</title></head>` +
        `<body><main id="main" role="alert" data-testid="server-error-page"><h1>${escape(errors.errorTitle)}</h1><p>${escape(errors.errorBody)}</p>` +
        `<p><a href="">${escape(errors.retry)}</a> · <a href="/${locale}">${escape(errors.backHome)}</a></p></main></body></html>`,
    );
  }
  return pages;
}

export function isDocumentRequest(req) {
  const url = req.url ?? "/";
  if (req.method !== "GET" && req.method !== "POST" && req.method !== "HEAD") return false;
  // The router's own requests (RSC payloads, server actions called by script) show error.tsx in the page.
  if (req.headers["rsc"] || req.headers["next-action"] || req.headers["next-router-state-tree"]) return false;
  return !/^\/(api|_next)(\/|$|\?)/.test(url);
}

export function localeOf(req) {
  const first = (req.url ?? "/").split(/[/?#]/)[1];
  if (LOCALES.includes(first)) return first;
  const accept = String(req.headers["accept-language"] ?? "").toLowerCase();
  return LOCALES.find((l) => accept.startsWith(l)) ?? "en";
}

/** Installs the guard on `res` (before Next.js, and its compression, wrap the response). */
export function guardErrorDocument(req, res, pages) {
  if (!isDocumentRequest(req)) return;
  let replaced = false;
  res.writeHead = function writeHead(status, ...rest) {
    if (replaced) return this;
    if (Number(status) < 500 || this.headersSent) return proto.writeHead.call(this, status, ...rest);
    replaced = true;
    const page = pages[localeOf(req)] ?? pages.en;
    for (const name of this.getHeaderNames()) {
      if (/^(content-(encoding|length|type|disposition)|etag|transfer-encoding|x-nextjs-.*|vary)$/i.test(name)) this.removeHeader(name);
    }
    proto.writeHead.call(this, 503, {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Length": String(page.length),
      "Cache-Control": "no-store",
      "Retry-After": "5",
    });
    if (req.method !== "HEAD") proto.write.call(this, page);
    return this;
  };
  // Writing before the head is sent writes the head first (inside Node's own write, which would then
  // append the chunk): decide before calling it.
  const decide = (self) => {
    if (!replaced && !self.headersSent && self.statusCode >= 500) self.writeHead(self.statusCode);
  };
  res.write = function write(chunk, encoding, callback) {
    decide(this);
    if (!replaced) return proto.write.call(this, chunk, encoding, callback);
    const done = typeof encoding === "function" ? encoding : callback;
    if (done) process.nextTick(done);
    return true;
  };
  res.end = function end(chunk, encoding, callback) {
    decide(this);
    if (!replaced) return proto.end.call(this, chunk, encoding, callback);
    const done = typeof chunk === "function" ? chunk : typeof encoding === "function" ? encoding : callback;
    return proto.end.call(this, done);
  };
}
