// Runs before every request except built assets. Two jobs, neither an access check (pages, actions
// and lib/ functions check the session themselves):
// - convenience: sends "/" and unprefixed paths to the visitor's language (next-intl, Accept-Language);
// - security headers on every response (lib/security/headers.ts), with a fresh CSP nonce per
//   request, passed to rendering in the request's Content-Security-Policy header: Next.js reads the
//   nonce there and puts it on its own scripts.
import createMiddleware from "next-intl/middleware";
import { NextRequest, NextResponse } from "next/server";
import { routing } from "@/lib/i18n/routing";
import { hasSessionCookie, isHttpsRequest, newNonce, securityHeaders } from "@/lib/security/headers";

const handleI18nRouting = createMiddleware(routing);

// Paths next-intl handles: not the API, not Next's own, not files (anything with a dot).
const LOCALISED = /^\/(?!api(\/|$)|_next(\/|$)|_vercel(\/|$)|.*\..*)/;
// A form post (server action) to a page in a language: nothing for next-intl to redirect, no locale
// cookie or alternate links to send with its answer; only the language the action reads.
const LOCALE_PREFIX = new RegExp(`^/(${routing.locales.join("|")})(/|$)`);

export default function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const headers = securityHeaders({
    pathname,
    nonce: newNonce(),
    dev: process.env.NODE_ENV === "development",
    https: isHttpsRequest(request.nextUrl, request.headers),
    session: hasSessionCookie(request.cookies.getAll().map((c) => c.name)),
  });
  const csp = headers["Content-Security-Policy"]!;
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  const postLocale = request.method === "POST" ? LOCALE_PREFIX.exec(pathname)?.[1] : undefined;
  if (postLocale) requestHeaders.set("x-next-intl-locale", postLocale);
  const response =
    LOCALISED.test(pathname) && !postLocale && decodableTwice(pathname)
      ? handleI18nRouting(new NextRequest(request, { headers: requestHeaders }))
      : NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

// next-intl rewrites to the path decoded once, which Next.js decodes again: a path whose decoded form
// is not decodable itself ("%25", broken UTF-8) would end in a 500. Such a path skips the i18n
// routing and gets the not-found page (or a 400) from Next.js.
function decodableTwice(pathname: string): boolean {
  try {
    decodeURIComponent(decodeURIComponent(pathname));
    return true;
  } catch {
    return false;
  }
}

export const config = {
  // Built assets (content-hashed files, no HTML) skip the proxy; next.config.js gives them nosniff.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
