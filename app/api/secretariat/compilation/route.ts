import { exportLocale } from "@/lib/http/refusal";
import { downloadResponse, formatParam, MEDIA_TYPES, signedInRoute } from "@/lib/http/route";
import { buildCompilationDocx, buildCompilationXlsx } from "@/lib/synthesis/compilation";

// GET /api/secretariat/compilation?format=docx|xlsx&locale=…: the regions' contributions side by
// side per theme, for the secretariat; checked in lib/, session checked by the route pipeline.
export const GET = signedInRoute({}, async ({ req, actor }) => {
  const format = formatParam(req, ["docx", "xlsx"] as const);
  const locale = exportLocale(req);
  const body =
    format === "xlsx" ? await buildCompilationXlsx({ actor, locale }) : await buildCompilationDocx({ actor, locale });
  return downloadResponse(new Uint8Array(body), {
    mediaType: MEDIA_TYPES[format],
    fileName: `gcm-contributions-${locale}.${format}`,
    length: body.length,
  });
});
