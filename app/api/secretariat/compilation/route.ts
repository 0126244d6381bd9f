import { NextResponse, type NextRequest } from "next/server";
import { getActor } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";
import { downloadRefusal, exportLocale } from "@/lib/http/refusal";
import { buildCompilationDocx, buildCompilationXlsx } from "@/lib/synthesis/compilation";

const TYPES = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

// GET /api/secretariat/compilation?format=docx|xlsx&locale=…: the regions' contributions side by
// side per theme, for the secretariat; checked in lib/, session checked here.
export async function GET(req: NextRequest) {
  const actor = await getActor();
  if (!actor) return downloadRefusal(req, 401);
  const format = req.nextUrl.searchParams.get("format") === "xlsx" ? "xlsx" : "docx";
  const locale = exportLocale(req);
  try {
    const body = format === "xlsx" ? await buildCompilationXlsx({ actor, locale }) : await buildCompilationDocx({ actor, locale });
    return new NextResponse(new Uint8Array(body), {
      headers: {
        "Cache-Control": "no-store, private",
        "Content-Type": TYPES[format],
        "Content-Disposition": `attachment; filename="gcm-contributions-${locale}.${format}"`,
        "Content-Length": String(body.length),
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (e) {
    if (e instanceof DomainError) return downloadRefusal(req, e.status === 403 ? 403 : 404);
    throw e;
  }
}
