import { Readable } from "node:stream";
import { NextResponse, type NextRequest } from "next/server";
import { getActor } from "@/lib/auth/session";
import { downloadRefusal, exportLocale } from "@/lib/http/refusal";
import { DomainError } from "@/lib/errors";
import { buildAllRegionsZip } from "@/lib/exports/all-regions";
import { appBaseUrl } from "@/lib/url";

const noStore = { "Cache-Control": "no-store, private" };

// GET /api/secretariat/export?locale=en|fr|es|ar (else the visitor's language)[&round=<slug>]: every region's summary, inputs and participants, and the combined
// dataset in one ZIP, for the secretariat; checked in lib/, session checked here.
export async function GET(req: NextRequest) {
  const actor = await getActor();
  if (!actor) return downloadRefusal(req, 401);
  const locale = exportLocale(req);
  try {
    // ?round=2017: one round's consultations (the secretariat's page links its round's); else every one.
    const round = req.nextUrl.searchParams.get("round") ?? undefined;
    if (round !== undefined && !/^[a-z0-9-]{2,20}$/.test(round)) return downloadRefusal(req, 404);
    const zip = await buildAllRegionsZip({ actor, locale, baseUrl: await appBaseUrl(), round });
    return new NextResponse(Readable.toWeb(zip) as ReadableStream<Uint8Array>, {
      headers: {
        ...noStore,
        "Content-Type": "application/zip",
        "Content-Disposition": `attachment; filename="gcm-regional-summaries-${round ? `${round}-` : ""}${locale}.zip"`,
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (e) {
    if (e instanceof DomainError) return downloadRefusal(req, e.status === 403 ? 403 : 404);
    throw e;
  }
}
