// When a page fails while it is being rendered (the database died after the layout's check, for one),
// Next.js answers a document request with status 500 and an empty document: its error.tsx runs only
// in the browser, so a person without JavaScript sees a blank page. scripts/server.mjs puts this
// guard on every document request: the first time the response's head is written with a 5xx status,
// the head becomes 503 (with Retry-After) and the body a translated error page written here, from
// messages/<locale>.json, with no database; what Next.js writes after that is dropped.
// Likewise a 404 whose body is Next.js's empty error document (`<html id="__next_error__">`: notFound()
// in a page is rendered in the browser only, vercel/next.js#62228) gets the translated not-found words
// in its body; its scripts stay, and with JavaScript the router renders its own page over them.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";

// The app's languages (lib/i18n/config.ts, which plain Node cannot import here); error-page.test.ts
// checks the two lists agree.
export const LOCALES = ["en", "fr", "es", "ar"];
const proto = http.ServerResponse.prototype;

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(locale, meta, title, body, links) {
  return Buffer.from(
    `<!DOCTYPE html><html lang="${locale}" dir="${locale === "ar" ? "rtl" : "ltr"}"><head><meta charset="utf-8">` +
      `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)} · ${escape(meta?.title ?? "")}</title></head>` +
      `<body><main id="main" role="alert" data-testid="server-error-page"><h1>${escape(title)}</h1><p>${escape(body)}</p>` +
      `<p>${links}</p></main></body></html>`,
  );
}

/** The error and not-found pages of each locale, built once at start-up. */
export function loadErrorPages(dir = process.cwd()) {
  const pages = { error: {}, notFoundMain: {} };
  for (const locale of LOCALES) {
    const { errors, meta } = JSON.parse(fs.readFileSync(path.join(dir, "messages", `${locale}.json`), "utf8"));
    const home = `<a href="/${locale}">${escape(errors.backHome)}</a>`;
    pages.error[locale] = page(
      locale,
      meta,
      errors.errorTitle,
      errors.errorBody,
      `<a href="">${escape(errors.retry)}</a> · ${home}`,
    );
    pages.notFoundMain[locale] =
      `<main id="main" data-testid="server-not-found"><h1>${escape(errors.notFoundTitle)}</h1><p>${escape(errors.notFoundBody)}</p><p>${home}</p></main>`;
  }
  return pages;
}

const EMPTY_DOCUMENT = Buffer.from('<html id="__next_error__"');

function decoded(body, encoding) {
  try {
    if (/gzip/i.test(encoding)) return zlib.gunzipSync(body);
    if (/br/i.test(encoding)) return zlib.brotliDecompressSync(body);
    if (/deflate/i.test(encoding)) return zlib.inflateSync(body);
  } catch {
    return body;
  }
  return body;
}

export function isDocumentRequest(req) {
  if (req.method !== "GET" && req.method !== "POST" && req.method !== "HEAD") return false;
  // The router's own requests (RSC payloads, server actions called by script) show error.tsx in the page.
  return !(req.headers["rsc"] || req.headers["next-action"] || req.headers["next-router-state-tree"]);
}

/** Route handlers and built files keep their own 5xx answers (only an empty 404 document is replaced). */
const isPageRequest = (req) => !/^\/(api|_next)(\/|$|\?)/.test(req.url ?? "/");

export function localeOf(req) {
  const first = (req.url ?? "/").split(/[/?#]/)[1];
  if (LOCALES.includes(first)) return first;
  const accept = String(req.headers["accept-language"] ?? "").toLowerCase();
  return LOCALES.find((l) => accept.startsWith(l)) ?? "en";
}

function headersFrom(res, rest) {
  const given = typeof rest[0] === "string" ? rest[1] : rest[0];
  if (Array.isArray(given)) for (let i = 0; i + 1 < given.length; i += 2) res.setHeader(given[i], given[i + 1]);
  else if (given && typeof given === "object") for (const [k, v] of Object.entries(given)) res.setHeader(k, v);
}

function clearBodyHeaders(res) {
  for (const name of res.getHeaderNames()) {
    if (/^(content-(encoding|length|type|disposition)|etag|transfer-encoding|x-nextjs-.*|vary)$/i.test(name))
      res.removeHeader(name);
  }
}

/** Installs the guard on `res` (before Next.js, and its compression, wrap the response). */
export function guardErrorDocument(req, res, pages) {
  if (!isDocumentRequest(req)) return;
  const locale = localeOf(req);
  // "pass": untouched; "replaced": our page sent, Next.js's body dropped; "held": a 404 whose body is
  // kept until its end to see whether it is the empty error document.
  let mode = "undecided";
  const held = [];
  const sendPage = (self, status, body) => {
    clearBodyHeaders(self);
    const headers = {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Length": String(body.length),
      "Cache-Control": "no-store",
    };
    if (status === 503) headers["Retry-After"] = "5";
    proto.writeHead.call(self, status, headers);
    if (req.method !== "HEAD") proto.write.call(self, body);
  };
  res.writeHead = function writeHead(status, ...rest) {
    if (mode !== "undecided") return this;
    if (this.headersSent) return proto.writeHead.call(this, status, ...rest);
    if (Number(status) >= 500 && isPageRequest(req)) {
      mode = "replaced";
      sendPage(this, 503, pages.error[locale] ?? pages.error.en);
      return this;
    }
    if (Number(status) === 404) {
      mode = "held";
      this.statusCode = 404;
      headersFrom(this, rest);
      return this;
    }
    mode = "pass";
    return proto.writeHead.call(this, status, ...rest);
  };
  // Writing before the head is sent writes the head first (inside Node's own write, which would then
  // append the chunk): decide before calling it.
  const decide = (self) => {
    if (
      mode === "undecided" &&
      !self.headersSent &&
      ((self.statusCode >= 500 && isPageRequest(req)) || self.statusCode === 404)
    )
      self.writeHead(self.statusCode);
  };
  res.flushHeaders = function flushHeaders() {
    decide(this);
    if (mode === "held" || mode === "replaced") return;
    return proto.flushHeaders.call(this);
  };
  res.write = function write(chunk, encoding, callback) {
    decide(this);
    if (mode === "pass" || mode === "undecided") return proto.write.call(this, chunk, encoding, callback);
    if (mode === "held" && chunk)
      held.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8"));
    const done = typeof encoding === "function" ? encoding : callback;
    if (done) process.nextTick(done);
    return true;
  };
  res.end = function end(chunk, encoding, callback) {
    decide(this);
    if (mode === "pass" || mode === "undecided") return proto.end.call(this, chunk, encoding, callback);
    const done = typeof chunk === "function" ? chunk : typeof encoding === "function" ? encoding : callback;
    if (mode === "held") {
      if (chunk && typeof chunk !== "function")
        held.push(
          Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8"),
        );
      const body = Buffer.concat(held);
      mode = "replaced";
      const plain = decoded(body, String(this.getHeader("content-encoding") ?? ""));
      if (plain.includes(EMPTY_DOCUMENT)) {
        // Next.js's scripts stay (with JavaScript the router renders its not-found page over this):
        // the words are added for a browser without it.
        const html = Buffer.from(
          plain
            .toString("utf8")
            .replace(
              '<html id="__next_error__"',
              `<html id="__next_error__" lang="${locale}" dir="${locale === "ar" ? "rtl" : "ltr"}"`,
            )
            .replace(/<body([^>]*)>/, (tag) => `${tag}${pages.notFoundMain[locale] ?? pages.notFoundMain.en}`),
        );
        this.removeHeader("Content-Encoding");
        this.removeHeader("Transfer-Encoding");
        this.setHeader("Content-Length", String(html.length));
        proto.writeHead.call(this, 404);
        if (req.method !== "HEAD") proto.write.call(this, html);
      } else {
        this.setHeader("Content-Length", String(body.length));
        this.removeHeader("Transfer-Encoding");
        proto.writeHead.call(this, 404);
        if (req.method !== "HEAD") proto.write.call(this, body);
      }
    }
    return proto.end.call(this, done);
  };
}
