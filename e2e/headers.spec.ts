import type { APIResponse, BrowserContext, Page, Response } from "@playwright/test";
import { expect, ready, test } from "./fixtures";
import { signIn } from "./helpers";

// Security headers (lib/security/headers.ts, set in proxy.ts) on real responses, and the pages
// working under the Content-Security-Policy in Chromium.

type Headers = Record<string, string>;
const headersOf = (r: APIResponse | Response): Headers => r.headers();

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

/** The headers every response carries, pages and route handlers alike. */
function expectCommonHeaders(h: Headers, where: string) {
  expect(h["x-content-type-options"], where).toBe("nosniff");
  expect(h["x-frame-options"], where).toBe("DENY");
  expect(["strict-origin-when-cross-origin", "same-origin", "strict-origin", "no-referrer"], where).toContain(
    h["referrer-policy"],
  );
  expect(h["permissions-policy"], where).toMatch(/camera=\(\)/);
  expect(h["permissions-policy"], where).toMatch(/geolocation=\(\)/);
  // Served over plain http here: no HSTS.
  expect(h["strict-transport-security"], where).toBeUndefined();
  expect(h["content-security-policy"], where).toBeTruthy();
  expect(directives(h["content-security-policy"]!).get("frame-ancestors"), where).toEqual(["'none'"]);
}

/** A page's policy: scripts and inline styles by nonce only; returns the nonce. */
function expectPagePolicy(h: Headers, where: string): string {
  expectCommonHeaders(h, where);
  const d = directives(h["content-security-policy"]!);
  const scripts = d.get("script-src") ?? [];
  const nonce = scripts.map((s) => /^'nonce-([A-Za-z0-9+/=]{16,})'$/.exec(s)?.[1]).find(Boolean);
  expect(nonce, `${where}: script-src ${scripts.join(" ")}`).toBeTruthy();
  expect(scripts, where).not.toContain("'unsafe-inline'");
  expect(scripts, where).not.toContain("'unsafe-eval'");
  expect(d.get("style-src"), where).toBeTruthy();
  expect(d.get("style-src"), where).not.toContain("'unsafe-inline'");
  expect(d.get("object-src"), where).toEqual(["'none'"]);
  expect(d.get("form-action"), where).toEqual(["'self'"]);
  expect(d.get("base-uri"), where).toBeTruthy();
  expect(d.get("base-uri"), where).not.toContain("*");
  expect(d.get("default-src"), where).toEqual(["'self'"]);
  return nonce!;
}

/** Every script element of the HTML carries the response's nonce. */
function expectScriptsNonced(html: string, nonce: string, where: string) {
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length, where).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, where).toContain(`nonce="${nonce}"`);
  expect(html, where).not.toMatch(/<style\b(?![^>]*nonce=)/);
  expect(html, where).not.toMatch(/\sstyle="/);
}

const noStore = (h: Headers) => (h["cache-control"] ?? "").split(",").map((s) => s.trim());

test.describe("security headers", () => {
  test("public pages in four languages, the redirect from / and 404s", async ({ request, playwright, baseURL }) => {
    const pages = ["/en", "/fr", "/es/consultations/asia", "/ar/inputs", "/en/sign-in", "/fr/sign-in"];
    const nonces = new Set<string>();
    for (const path of pages) {
      const r = await request.get(path, { maxRedirects: 0 });
      expect(r.status(), path).toBe(200);
      const nonce = expectPagePolicy(headersOf(r), path);
      expectScriptsNonced(await r.text(), nonce, path);
      nonces.add(nonce);
    }
    // A fresh nonce for every response.
    expect(nonces.size).toBe(pages.length);

    // next-intl still redirects by Accept-Language (fresh contexts: no language cookie yet), and
    // the redirect carries the headers too.
    for (const [path, language, target] of [
      ["/", "fr-FR,fr;q=0.9", /\/fr$/],
      ["/inputs", "es", /\/es\/inputs$/],
    ] as const) {
      const fresh = await playwright.request.newContext({ baseURL });
      const r = await fresh.get(path, { maxRedirects: 0, headers: { "accept-language": language } });
      expect(r.status(), path).toBe(307);
      expect(r.headers()["location"], path).toMatch(target);
      expectPagePolicy(headersOf(r), path);
      await fresh.dispose();
    }

    for (const path of ["/en/no-such-page", "/ar/consultations/no-such-region", "/no-such-file.txt"]) {
      const r = await request.get(path);
      expect(r.status(), path).toBe(404);
      const nonce = expectPagePolicy(headersOf(r), path);
      expectScriptsNonced(await r.text(), nonce, path);
    }
    const apiMissing = await request.get("/api/no-such-route");
    expect(apiMissing.status()).toBe(404);
    expectCommonHeaders(headersOf(apiMissing), "/api/no-such-route");
  });

  test("over https (x-forwarded-proto from a TLS proxy): HSTS and upgrade-insecure-requests", async ({ request }) => {
    const r = await request.get("/en", { headers: { "x-forwarded-proto": "https" } });
    expect(r.headers()["strict-transport-security"]).toMatch(/^max-age=\d{8,}/);
    expect(directives(r.headers()["content-security-policy"]!).has("upgrade-insecure-requests")).toBe(true);
    const api = await request.get("/api/auth/session", { headers: { "x-forwarded-proto": "https" } });
    expect(api.headers()["strict-transport-security"]).toMatch(/^max-age=\d{8,}/);
  });

  test("magic-link and invitation pages send no Referer; route handlers get a policy that runs nothing", async ({
    request,
  }) => {
    const confirm = await request.get("/en/sign-in/confirm?token=t&email=a%40example.org");
    expect(confirm.headers()["referrer-policy"]).toBe("no-referrer");
    expect(noStore(confirm.headers())).toContain("no-store");
    expectPagePolicy(headersOf(confirm), "confirm");
    // The confirmation form posts to Auth.js on this origin, which form-action 'self' allows.
    expect(await confirm.text()).toMatch(/<form[^>]+action="\/api\/auth\/callback\/nodemailer\?/);
    // And Auth.js's redirect after that post stays on the origin the browser used (a path), which
    // form-action 'self' lets the browser follow: here an unknown link's error page.
    const used = await request.post("/api/auth/callback/nodemailer?token=no-such-token&email=a%40example.org", {
      maxRedirects: 0,
    });
    expect(used.status()).toBe(302);
    expect(used.headers()["location"]).toMatch(/^\/en\/sign-in\?error=/);

    for (const path of [
      "/api/auth/session",
      "/api/attachments/00000000-0000-4000-8000-000000000000",
      "/api/moderation/asia/export?format=csv",
      "/api/secretariat/export",
    ]) {
      const r = await request.get(path);
      const h = headersOf(r);
      expectCommonHeaders(h, path);
      expect(directives(h["content-security-policy"]!).get("default-src"), path).toEqual(["'none'"]);
      expect(noStore(h), path).toContain("no-store");
    }
  });

  test("signed-in pages and downloads are never stored", async ({ page }) => {
    await signIn(page, "anchor.asia@example.org");
    for (const path of ["/en", "/fr/consultations/asia", "/en/account", "/en/moderation/asia"]) {
      const viaRequest = await page.request.get(path);
      expect(viaRequest.status(), path).toBe(200);
      expect(noStore(headersOf(viaRequest)), path).toContain("no-store");
      const viaNavigation = (await page.goto(path))!;
      expectPagePolicy(headersOf(viaNavigation), path);
      expect(noStore(headersOf(viaNavigation)), path).toContain("no-store");
    }
    for (const path of [
      "/api/moderation/asia/export?format=csv",
      "/api/moderation/asia/summary?locale=fr",
      "/api/moderation/asia/participants?format=csv",
    ]) {
      const r = await page.request.get(path);
      expect(r.status(), path).toBe(200);
      expect(r.headers()["content-disposition"], path).toMatch(/^attachment;/);
      expectCommonHeaders(headersOf(r), path);
      expect(noStore(headersOf(r)), path).toContain("no-store");
    }
    const missing = await page.request.get("/api/attachments/00000000-0000-4000-8000-000000000000");
    expect(missing.status()).toBe(404);
    expect(noStore(headersOf(missing))).toContain("no-store");
  });
});

/** Records CSP violations (in any frame, across navigations) and console errors about the policy. */
async function watchPolicy(context: BrowserContext, page: Page) {
  const violations: string[] = [];
  const consoleErrors: string[] = [];
  await context.exposeBinding("__reportCspViolation", (_source, v: string) => {
    violations.push(v);
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __reportCspViolation: (v: string) => void }).__reportCspViolation(
        `${location.pathname}: ${e.violatedDirective} blocked ${e.blockedURI} (${e.sample})`,
      );
    });
  });
  page.on("console", (m) => {
    if (m.type() === "error" && /content security policy/i.test(m.text()))
      consoleErrors.push(`${page.url()}: ${m.text()}`);
  });
  return { violations, consoleErrors };
}

async function expectWorksUnderPolicy(page: Page, path: string) {
  const response = (await page.goto(path))!;
  expect(response.status(), path).toBe(200);
  expectPagePolicy(headersOf(response), path);
  await ready(page);
  await expect(page.locator("html[data-hydrated=true]")).toHaveCount(1);
}

test.describe("pages under the Content-Security-Policy in Chromium", () => {
  test("public pages, sign-in, the submission form and moderation hydrate with no violation", async ({ browser }) => {
    const visitor = await browser.newContext();
    const page = await visitor.newPage();
    const seen = await watchPolicy(visitor, page);
    for (const path of ["/en", "/ar/consultations/mena", "/fr/inputs", "/en/sign-in", "/es/no-such-page"]) {
      if (path.endsWith("no-such-page")) {
        await page.goto(path);
        await ready(page);
      } else await expectWorksUnderPolicy(page, path);
    }
    // Sign-in goes through the confirmation page and its same-origin POST to Auth.js.
    await signIn(page, "owner@example.org");
    await expectWorksUnderPolicy(page, "/en/consultations/asia/submit");
    // The form takes typing once hydrated (react-hook-form is in charge).
    await page.getByLabel("Title").fill("Typed under the policy");
    await expect(page.getByLabel("Title")).toHaveValue("Typed under the policy");
    await expectWorksUnderPolicy(page, "/en/submissions");
    await visitor.close();

    const anchor = await browser.newContext();
    const anchorPage = await anchor.newPage();
    const seenByAnchor = await watchPolicy(anchor, anchorPage);
    await signIn(anchorPage, "anchor.asia@example.org");
    await expectWorksUnderPolicy(anchorPage, "/en/moderation/asia");
    await expectWorksUnderPolicy(anchorPage, "/ar/moderation/asia");
    await anchor.close();

    expect([...seen.violations, ...seenByAnchor.violations]).toEqual([]);
    expect([...seen.consoleErrors, ...seenByAnchor.consoleErrors]).toEqual([]);
  });

  test("script and style injected into the HTML or the DOM do not run or apply", async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const seen = await watchPolicy(context, page);
    // As a stored or reflected injection would arrive: inside the server's HTML, under the server's
    // own headers, without the nonce. (A script inserted through page.evaluate would prove nothing:
    // Chromium exempts DevTools-inserted scripts from the page's policy.)
    await page.route("**/en/inputs", async (route) => {
      const response = await route.fetch();
      // At the end of <body>, where React's hydration leaves foreign nodes alone.
      const html = (await response.text()).replace(
        "</body>",
        '<script>window.__injected = "parser-inserted";</script>' +
          "<style>body { outline: 7px solid rgb(1, 2, 3) !important; }</style>" +
          '<p id="injected-style" style="outline: 7px solid rgb(1, 2, 3)">x</p></body>',
      );
      await route.fulfill({ response, body: html });
    });
    await expectWorksUnderPolicy(page, "/en/inputs");
    const result = await page.evaluate(async () => {
      const w = window as unknown as { __injected?: string };
      // An inline event handler added to the DOM after load.
      const host = document.createElement("div");
      host.innerHTML = '<img src="/no-such-image.png" onerror="window.__injected = \'handler\'">';
      document.body.appendChild(host);
      await new Promise((r) => setTimeout(r, 500));
      return {
        injected: w.__injected ?? null,
        bodyOutline: getComputedStyle(document.body).outlineWidth,
        attributeOutline: getComputedStyle(document.getElementById("injected-style")!).outlineWidth,
      };
    });
    expect(await page.locator("#injected-style").count()).toBe(1);
    expect(result.injected).toBeNull();
    expect(result.bodyOutline).not.toBe("7px");
    expect(result.attributeOutline).not.toBe("7px");
    await expect.poll(() => seen.violations.filter((v) => /script-src/.test(v)).length).toBeGreaterThanOrEqual(2);
    expect(seen.violations.some((v) => /style-src/.test(v))).toBe(true);
    await context.close();
  });
});

test("a download refused says why in the visitor's language, never an empty page", async ({ request }) => {
  const signedOut = await request.get("/api/moderation/asia/export?format=csv", {
    headers: { "accept-language": "fr-FR,fr;q=0.9" },
  });
  expect(signedOut.status()).toBe(401);
  expect(signedOut.headers()["content-type"]).toContain("text/plain");
  expect(signedOut.headers()["cache-control"]).toContain("no-store");
  expect(await signedOut.text()).toContain("Connectez-vous pour télécharger ce fichier");
  const attachment = await request.get("/api/attachments/00000000-0000-0000-0000-000000000000", {
    headers: { cookie: "NEXT_LOCALE=es" },
  });
  expect(attachment.status()).toBe(401);
  expect(await attachment.text()).toContain("Inicie sesión para descargar este archivo");
});
