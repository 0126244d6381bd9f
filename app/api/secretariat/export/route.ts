import { Readable } from "node:stream";
import { buildAllRegionsZip } from "@/lib/exports/all-regions";
import { downloadRefusal, exportLocale } from "@/lib/http/refusal";
import { downloadResponse, MEDIA_TYPES, signedInRoute } from "@/lib/http/route";
import { appBaseUrl } from "@/lib/url";

// GET /api/secretariat/export?locale=en|fr|es|ar (else the visitor's language)[&round=<slug>]: every region's summary, inputs and participants, and the combined
// dataset in one ZIP, for the secretariat; checked in lib/, session checked by the route pipeline.
// ?round=2017: one round's consultations (the secretariat's pages link their round's); without it, every one.
export const GET = signedInRoute({}, async ({ req, actor }) => {
  const locale = exportLocale(req);
  const round = req.nextUrl.searchParams.get("round") ?? undefined;
  if (round !== undefined && !/^[a-z0-9-]{2,20}$/.test(round)) return downloadRefusal(req, 404);
  const zip = await buildAllRegionsZip({ actor, locale, baseUrl: await appBaseUrl(), round });
  return downloadResponse(Readable.toWeb(zip) as ReadableStream<Uint8Array>, {
    mediaType: MEDIA_TYPES.zip,
    fileName: `gcm-regional-summaries-${round ? `${round}-` : ""}${locale}.zip`,
  });
});
