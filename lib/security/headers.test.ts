import { describe, expect, it } from "vitest";
import { hasSessionCookie, isHttpsRequest, newNonce, pageContentSecurityPolicy, securityHeaders } from "./headers";

const directives = (csp: string) => new Map(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));
const base = { nonce: "abc", dev: false, https: false, session: false };

describe("security headers", () => {
  it("nonces are fresh, 128-bit, base64", () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(a);
  });

  it("production pages allow scripts and inline styles only with the nonce", () => {
    const d = directives(pageContentSecurityPolicy({ nonce: "abc", dev: false, https: false }));
    expect(d.get("script-src")).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'"]);
    expect(d.get("style-src")).toEqual(["'self'", "'nonce-abc'"]);
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
    expect(d.get("form-action")).toEqual(["'self'"]);
    expect(d.get("base-uri")).toEqual(["'none'"]);
    expect(d.has("upgrade-insecure-requests")).toBe(false);
    expect(pageContentSecurityPolicy({ nonce: "abc", dev: false, https: true })).toContain("upgrade-insecure-requests");
  });

  it("only the dev server gets eval and inline styles", () => {
    const d = directives(pageContentSecurityPolicy({ nonce: "abc", dev: true, https: false }));
    expect(d.get("script-src")).toContain("'unsafe-eval'");
    expect(d.get("style-src")).toContain("'unsafe-inline'");
  });

  it("https comes from x-forwarded-proto when a proxy sets it, else from the URL", () => {
    const h = (v?: string) => new Headers(v ? { "x-forwarded-proto": v } : {});
    expect(isHttpsRequest(new URL("http://a.test/"), h("https"))).toBe(true);
    expect(isHttpsRequest(new URL("http://a.test/"), h("https, http"))).toBe(true);
    expect(isHttpsRequest(new URL("https://a.test/"), h("http"))).toBe(false);
    expect(isHttpsRequest(new URL("https://a.test/"), h())).toBe(true);
    expect(isHttpsRequest(new URL("http://a.test/"), h())).toBe(false);
  });

  it("HSTS only over https", () => {
    expect(securityHeaders({ ...base, pathname: "/en" })["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders({ ...base, https: true, pathname: "/en" })["Strict-Transport-Security"]).toBe(
      "max-age=31536000",
    );
  });

  it("no-store for signed-in requests, private areas and every API response; public pages keep Next's", () => {
    const cc = (pathname: string, session = false) => securityHeaders({ ...base, pathname, session })["Cache-Control"];
    expect(cc("/en")).toBeUndefined();
    expect(cc("/fr/consultations/asia")).toBeUndefined();
    expect(cc("/en", true)).toBe("private, no-store");
    for (const p of [
      "/en/account",
      "/ar/moderation/asia",
      "/es/secretariat",
      "/en/submissions/x",
      "/fr/organisations/new",
      "/en/sign-in/confirm",
      "/api/attachments/x",
      "/api/moderation/asia/export",
      "/api/secretariat/export",
      "/api/auth/session",
    ])
      expect(cc(p), p).toBe("private, no-store");
  });

  it("token-bearing URLs send no Referer; API responses get a policy that runs nothing", () => {
    expect(securityHeaders({ ...base, pathname: "/en/sign-in/confirm" })["Referrer-Policy"]).toBe("no-referrer");
    expect(securityHeaders({ ...base, pathname: "/fr/invitations/t" })["Referrer-Policy"]).toBe("no-referrer");
    expect(securityHeaders({ ...base, pathname: "/en/inputs" })["Referrer-Policy"]).toBe(
      "strict-origin-when-cross-origin",
    );
    expect(securityHeaders({ ...base, pathname: "/api/attachments/x" })["Content-Security-Policy"]).toMatch(
      /^default-src 'none'/,
    );
  });

  it("recognises Auth.js's session cookie by name", () => {
    expect(hasSessionCookie(["NEXT_LOCALE", "authjs.session-token"])).toBe(true);
    expect(hasSessionCookie(["__Secure-authjs.session-token"])).toBe(true);
    expect(hasSessionCookie(["authjs.csrf-token", "authjs.callback-url"])).toBe(false);
  });
});
