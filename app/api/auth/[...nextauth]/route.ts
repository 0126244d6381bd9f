import { NextResponse, type NextRequest } from "next/server";
import { confirmationUrl, handlers } from "@/lib/auth";

// A GET of the magic-link callback (a mail scanner, a link preview) must not use the link up:
// it is sent to the confirmation page, whose button POSTs here.
export async function GET(req: NextRequest) {
  if (req.nextUrl.pathname.endsWith("/callback/nodemailer")) {
    const { url } = confirmationUrl(req.url);
    return NextResponse.redirect(url, 303);
  }
  return relativeRedirect(req, await handlers.GET(req));
}

export async function POST(req: NextRequest) {
  return relativeRedirect(req, await handlers.POST(req));
}

// Auth.js writes its redirects (an expired link's error page, for one) as absolute URLs on the host
// it believes it serves, which under `next start` is "localhost" whatever the browser used. After a
// form post the browser follows a redirect only to the page's own origin (CSP form-action 'self',
// lib/security/headers.ts), so a redirect to this site is sent as a path.
function relativeRedirect(req: NextRequest, res: Response): Response {
  const location = res.headers.get("location");
  if (!location) return res;
  const target = new URL(location, req.url);
  const ours = [new URL(req.url).host, req.headers.get("host"), req.headers.get("x-forwarded-host")];
  if (!ours.includes(target.host)) return res;
  const headers = new Headers(res.headers);
  headers.set("location", `${target.pathname}${target.search}${target.hash}`);
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
}
