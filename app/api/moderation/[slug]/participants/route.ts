import { getConsultationForModeration } from "@/lib/consultations/moderation";
import { exportParticipants } from "@/lib/exports/participants";
import { exportLocale } from "@/lib/http/refusal";
import { downloadResponse, formatParam, MEDIA_TYPES, signedInRoute, slugParam } from "@/lib/http/route";

// GET /api/moderation/<slug>/participants?format=csv|xlsx — anchors of that consultation and the
// secretariat only (checked in lib/); the session is checked first by the route pipeline. In the
// words of ?locale= (else the visitor's language).
export const GET = signedInRoute({ params: slugParam }, async ({ req, actor, params: { slug } }) => {
  const format = formatParam(req, ["csv", "xlsx"]);
  const c = await getConsultationForModeration({ actor, slug });
  const body = await exportParticipants({ actor, consultationId: c.id, format, locale: exportLocale(req) });
  return downloadResponse(body, {
    mediaType: MEDIA_TYPES[format],
    fileName: `participants-${c.slug}.${format}`,
    cacheControl: "no-store",
  });
});
