import { NextResponse, type NextRequest } from "next/server";
import { confirmationUrl, handlers } from "@/lib/auth";

// A GET of the magic-link callback (a mail scanner, a link preview) must not use the link up:
// it is sent to the confirmation page, whose button POSTs here.
export async function GET(req: NextRequest) {
  if (req.nextUrl.pathname.endsWith("/callback/nodemailer")) {
    const { url } = confirmationUrl(req.url);
    return NextResponse.redirect(url, 303);
  }
  return handlers.GET(req);
}

export const POST = handlers.POST;
