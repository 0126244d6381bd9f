import { Readable } from "node:stream";
import { NextResponse, type NextRequest } from "next/server";
import { getActor } from "@/lib/auth/session";
import { downloadRefusal, exportLocale } from "@/lib/http/refusal";
import { DomainError } from "@/lib/errors";
import { buildAllRegionsZip } from "@/lib/exports/all-regions";
import { appBaseUrl } from "@/lib/url";

const noStore = { "Cache-Control": "no-store, private" };

// GET /api/secretariat/export?locale=en|fr|es|ar (else the visitor's language): every region's summary, inputs and participants, and the combined
// dataset in one ZIP, for the secretariat; checked in lib/, session checked here.
export async function GET(req: NextRequest) {
  const actor = await getActor();
  if (!actor) return downloadRefusal(req, 401);
  const locale = exportLocale(req);
  try {
    const zip = await buildAllRegionsZip({ actor, locale, baseUrl: await appBaseUrl() });
    return new NextResponse(Readable.toWeb(zip) as ReadableStream<Uint8Array>, {
      headers: {
        ...noStore,
        "Content-Type": "application/zip",
        "Content-Disposition": `attachment; filename="gcm-regional-summaries-${locale}.zip"`,
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (e) {
    if (e instanceof DomainError) return downloadRefusal(req, e.status === 403 ? 403 : 404);
    throw e;
  }
}
