// Security headers for every response, set by proxy.ts (pure functions: unit-tested, and usable in
// the proxy without the database or the session). e2e/headers.spec.ts checks real responses.

/** A fresh, unguessable value for one response's Content-Security-Policy (128 random bits). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The pages' policy. Next.js reads the nonce from this header on the request and puts it on its own
 * scripts and inline styles ('strict-dynamic' then lets those scripts load the page's chunks), so
 * pages must be rendered per request (app/layout.tsx). The app has no inline style attribute or
 * style tag of its own: styles come from the stylesheet file ('self') or carry the nonce.
 * Development only: Next's dev server needs eval (React's error stacks) and injects style tags
 * without the nonce (its overlay, CSS hot reloading).
 */
export function pageContentSecurityPolicy({
  nonce,
  dev,
  https,
}: {
  nonce: string;
  dev: boolean;
  https: boolean;
}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    // Same-origin posts only: the sign-in confirmation posts to /api/auth/callback/nodemailer.
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Only over https: on a plain-http deployment (localhost, an internal address) it would break
    // every stylesheet and script.
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Route handlers (downloads, Auth.js) return no HTML that should run or style anything. */
export const API_CONTENT_SECURITY_POLICY =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox";

/**
 * Whether the browser reached us over https: the URL's scheme, or the x-forwarded-proto of the TLS
 * proxy in front (which Auth.js also trusts for its secure cookies). A client that forges the
 * header over plain http only gets a Strict-Transport-Security header that browsers ignore there.
 */
export function isHttpsRequest(url: URL, headers: Headers): boolean {
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return forwarded ? forwarded === "https" : url.protocol === "https:";
}

/** Auth.js's database-session cookie (the `__Secure-` form over https). */
export function hasSessionCookie(cookieNames: readonly string[]): boolean {
  return cookieNames.some((n) => n === "authjs.session-token" || n === "__Secure-authjs.session-token");
}

// Areas that only show a signed-in person's or an organisation's data, in any locale; pages whose
// URL carries a secret (the magic-link confirmation, invitations) are here too.
const PRIVATE_PAGE =
  /^\/[a-z]{2}\/(account|submissions|organisations|moderation|secretariat|dev|invitations|sign-in\/confirm)(\/|$)/;
// Pages whose URL carries a single-use token: no Referer at all, even to this site.
const TOKEN_PAGE = /^\/([a-z]{2}\/(sign-in\/confirm|invitations)|api\/auth)(\/|$)/;

/**
 * The headers for one response, by path. `session`: the request carries a session cookie, so the
 * page may show that person's data. Public pages without a session keep Next's own caching header.
 */
export function securityHeaders({
  pathname,
  nonce,
  dev,
  https,
  session,
}: {
  pathname: string;
  nonce: string;
  dev: boolean;
  https: boolean;
  session: boolean;
}): Record<string, string> {
  const api = pathname === "/api" || pathname.startsWith("/api/");
  const h: Record<string, string> = {
    "Content-Security-Policy": api ? API_CONTENT_SECURITY_POLICY : pageContentSecurityPolicy({ nonce, dev, https }),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    // Cross-site requests get the origin only; a magic link's or invitation's token never leaves.
    "Referrer-Policy": TOKEN_PAGE.test(pathname) ? "no-referrer" : "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  // A year, this host only: subdomains may be other services of whoever deploys the portal.
  if (https) h["Strict-Transport-Security"] = "max-age=31536000";
  if (api || session || PRIVATE_PAGE.test(pathname)) h["Cache-Control"] = "private, no-store";
  return h;
}
