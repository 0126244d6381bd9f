import "server-only";
// What a download link answers when it may not give the file: the status (401 without a session,
// 403 or 404 otherwise) with one translated sentence, never an empty page. The language is the
// visitor's (next-intl's NEXT_LOCALE cookie, else Accept-Language), as downloads have no locale path.
import { NextResponse, type NextRequest } from "next/server";
import { getTranslations } from "next-intl/server";
import { defaultLocale, isLocale, type AppLocale } from "@/lib/i18n/config";

export function visitorLocale(req: NextRequest): AppLocale {
  const cookie = req.cookies.get("NEXT_LOCALE")?.value;
  if (isLocale(cookie)) return cookie;
  for (const part of (req.headers.get("accept-language") ?? "").split(",")) {
    const tag = part.split(";")[0]?.trim().slice(0, 2).toLowerCase();
    if (isLocale(tag)) return tag;
  }
  return defaultLocale;
}

export async function downloadRefusal(req: NextRequest, status: 401 | 403 | 404): Promise<NextResponse> {
  const t = await getTranslations({ locale: visitorLocale(req), namespace: "errors" });
  const message = status === 401 ? t("downloadSignIn") : status === 403 ? t("forbidden") : t("notFound");
  return new NextResponse(`${message}\n`, {
    status,
    headers: {
      "Cache-Control": "no-store, private",
      "Content-Type": "text/plain; charset=utf-8",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/** The language of an export: `?locale=` when given, else the visitor's (as for refusals). */
export function exportLocale(req: NextRequest): AppLocale {
  const asked = req.nextUrl.searchParams.get("locale");
  return isLocale(asked) ? asked : visitorLocale(req);
}
