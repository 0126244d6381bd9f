import { Readable } from "node:stream";
import { buildAllRegionsZip } from "@/lib/exports/all-regions";
import { exportLocale } from "@/lib/http/refusal";
import { downloadResponse, MEDIA_TYPES, signedInRoute } from "@/lib/http/route";
import { appBaseUrl } from "@/lib/url";

// GET /api/secretariat/export?locale=en|fr|es|ar (else the visitor's language): every region's summary, inputs and participants, and the combined
// dataset in one ZIP, for the secretariat; checked in lib/, session checked by the route pipeline.
export const GET = signedInRoute({}, async ({ req, actor }) => {
  const locale = exportLocale(req);
  const zip = await buildAllRegionsZip({ actor, locale, baseUrl: await appBaseUrl() });
  return downloadResponse(Readable.toWeb(zip) as ReadableStream<Uint8Array>, { mediaType: MEDIA_TYPES.zip, fileName: `gcm-regional-summaries-${locale}.zip` });
});
