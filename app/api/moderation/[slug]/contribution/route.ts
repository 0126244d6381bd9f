import { getConsultationForModeration } from "@/lib/consultations/moderation";
import { downloadResponse, MEDIA_TYPES, signedInRoute, slugParam } from "@/lib/http/route";
import { buildContributionDocx } from "@/lib/synthesis/docx";

// GET /api/moderation/<slug>/contribution: the region's contribution (DOCX, in the language it is
// written in), for the consultation's anchors and, once submitted, the secretariat; checked in lib/,
// session checked by the route pipeline.
export const GET = signedInRoute({ params: slugParam }, async ({ actor, params: { slug } }) => {
  const consultation = await getConsultationForModeration({ actor, slug });
  const { docx, locale } = await buildContributionDocx({ actor, consultationId: consultation.id });
  return downloadResponse(new Uint8Array(docx), {
    mediaType: MEDIA_TYPES.docx,
    fileName: `contribution-${consultation.slug.replace(/[^a-z0-9-]/g, "")}-${locale}.docx`,
    length: docx.length,
  });
});
