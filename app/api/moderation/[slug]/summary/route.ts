import { getConsultationForModeration } from "@/lib/consultations/moderation";
import { buildRegionalSummary } from "@/lib/exports/summary";
import { exportLocale } from "@/lib/http/refusal";
import { downloadResponse, MEDIA_TYPES, signedInRoute, slugParam } from "@/lib/http/route";
import { appBaseUrl } from "@/lib/url";

// GET /api/moderation/<slug>/summary?locale=en|fr|es|ar (else the visitor's language): the regional summary (DOCX), for the
// consultation's anchors and the secretariat; checked in lib/, session checked by the route pipeline.
export const GET = signedInRoute({ params: slugParam }, async ({ req, actor, params: { slug } }) => {
  const locale = exportLocale(req);
  const consultation = await getConsultationForModeration({ actor, slug });
  const docx = await buildRegionalSummary({
    actor,
    consultationId: consultation.id,
    locale,
    baseUrl: await appBaseUrl(),
  });
  return downloadResponse(new Uint8Array(docx), {
    mediaType: MEDIA_TYPES.docx,
    fileName: `summary-${consultation.slug.replace(/[^a-z0-9-]/g, "")}-${locale}.docx`,
    length: docx.length,
  });
});
