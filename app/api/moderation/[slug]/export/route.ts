import { getConsultationForModeration } from "@/lib/consultations/moderation";
import { exportSubmissions } from "@/lib/exports/submissions";
import { exportLocale } from "@/lib/http/refusal";
import { downloadResponse, formatParam, MEDIA_TYPES, signedInRoute, slugParam } from "@/lib/http/route";
import { queueFiltersSchema } from "@/lib/moderation/schemas";
import { appBaseUrl } from "@/lib/url";

// GET /api/moderation/<slug|all>/export?format=csv|xlsx|json&<queue filters>: the consultation's
// anchors and the secretariat (all: the secretariat only); checked in lib/, session checked by the
// route pipeline. CSV and XLSX in the words of ?locale= (else the visitor's language); JSON is the
// same in every language.
export const GET = signedInRoute({ params: slugParam }, async ({ req, actor, params: { slug } }) => {
  const format = formatParam(req, ["csv", "xlsx", "json"]);
  const filters = queueFiltersSchema.parse(Object.fromEntries(req.nextUrl.searchParams.entries()));
  const consultationId = slug === "all" ? null : (await getConsultationForModeration({ actor, slug })).id;
  const body = await exportSubmissions({
    actor,
    consultationId,
    filters,
    format,
    locale: exportLocale(req),
    baseUrl: await appBaseUrl(),
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return downloadResponse(body, {
    mediaType: MEDIA_TYPES[format],
    fileName: `inputs-${slug.replace(/[^a-z-]/g, "")}-${stamp}.${format}`,
  });
});
