// The guard that replaces Next.js's empty 500 document (scripts/error-page.mjs), on a real HTTP server
// whose handler fails the ways Next.js's renderer does: head flushed then chunks, a head with a body
// in one call, a write with no head yet. Each answer is read back over a kept-alive connection.
import http from "node:http";
import zlib from "node:zlib";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { locales } from "@/lib/i18n/config";
import { guardErrorDocument, loadErrorPages, LOCALES } from "./error-page.mjs";

const pages = loadErrorPages();
const failures: Record<string, (res: http.ServerResponse) => void> = {
  flushed: (res) => {
    res.statusCode = 500;
    res.setHeader("Content-Type", "text/html");
    res.flushHeaders();
    res.write("<!DOCTYPE html><html><body></body>");
    res.end("</html>");
  },
  head: (res) => {
    res.writeHead(500, { "Content-Length": "9", "Content-Type": "text/html" }).end("<html/>\n\n");
  },
  "write-first": (res) => {
    res.statusCode = 502;
    res.write("partial");
    res.end();
  },
  "empty-404": (res) => {
    res.statusCode = 404;
    res.setHeader("Content-Type", "text/html");
    res.flushHeaders();
    res.write('<!DOCTYPE html><html id="__next_error__"><head></head>');
    res.end("<body></body></html>");
  },
  "empty-404-gzip": (res) => {
    const body = zlib.gzipSync('<!DOCTYPE html><html id="__next_error__"><body></body></html>');
    res
      .writeHead(404, {
        "Content-Type": "text/html",
        "Content-Encoding": "gzip",
        "Content-Length": String(body.length),
      })
      .end(body);
  },
  "real-404": (res) => {
    res.statusCode = 404;
    res.write("<html><body><h1>Page not found</h1>");
    res.end("</body></html>");
  },
  fine: (res) => {
    res.writeHead(200, { "Content-Type": "text/html" }).end("<p>the page</p>");
  },
};

let server: http.Server;
let base: string;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    guardErrorDocument(req, res, pages);
    const kind = new URL(req.url!, "http://x").searchParams.get("kind")!;
    setTimeout(() => failures[kind]!(res), 5);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("guardErrorDocument", () => {
  for (const kind of ["flushed", "head", "write-first"]) {
    it(`a failed document (${kind}) becomes the translated error page, 503, and the connection stays usable`, async () => {
      const r = await fetch(`${base}/fr/consultations/asia?kind=${kind}`);
      expect(r.status).toBe(503);
      expect(r.headers.get("retry-after")).toBe("5");
      const body = await r.text();
      expect(body).toContain('<html lang="fr"');
      expect(body).toContain("<h1>Une erreur est survenue</h1>");
      expect(body).not.toContain("partial");
      expect(body.endsWith("</html>")).toBe(true);
      const next = await fetch(`${base}/en?kind=fine`);
      expect(await next.text()).toBe("<p>the page</p>");
    });
  }
  it("a 404 that is Next.js's empty error document becomes the translated not-found page; a rendered 404 passes", async () => {
    for (const kind of ["empty-404", "empty-404-gzip"]) {
      const r = await fetch(`${base}/es/nowhere?kind=${kind}`);
      expect(r.status).toBe(404);
      const body = await r.text();
      expect(body).toContain('<html id="__next_error__" lang="es" dir="ltr"');
      expect(body).toMatch(/<body><main id="main" data-testid="server-not-found"><h1>Página no encontrada<\/h1>/);
    }
    const real = await fetch(`${base}/en/nowhere?kind=real-404`);
    expect(real.status).toBe(404);
    expect(await real.text()).toBe("<html><body><h1>Page not found</h1></body></html>");
    expect(await (await fetch(`${base}/en?kind=fine`)).text()).toBe("<p>the page</p>");
  });
  it("leaves the router's own requests (RSC) and successful answers alone", async () => {
    const rsc = await fetch(`${base}/en?kind=head`, { headers: { RSC: "1" } });
    expect(rsc.status).toBe(500);
    expect(await rsc.text()).toBe("<html/>\n\n");
    const api = await fetch(`${base}/api/x?kind=head`);
    expect(api.status).toBe(500);
  });
  it("answers in the language of the address, else of the browser", async () => {
    const ar = await fetch(`${base}/ar/inputs?kind=flushed`);
    expect(await ar.text()).toContain('<html lang="ar" dir="rtl"');
    const es = await fetch(`${base}/?kind=flushed`, { headers: { "Accept-Language": "es-EC,es;q=0.9" } });
    expect(await es.text()).toContain('<html lang="es"');
  });
});

describe("the error pages' languages", () => {
  it("are the app's (lib/i18n/config.ts)", () => {
    expect(LOCALES).toEqual(locales);
  });
});
