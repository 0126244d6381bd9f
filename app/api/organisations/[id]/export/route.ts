import { downloadResponse, idParam, MEDIA_TYPES, signedInRoute } from "@/lib/http/route";
import { exportOrganisationData } from "@/lib/organisations/data";

// GET /api/organisations/<id>/export: all of the organisation's data as JSON, for its owners only
// (checked in lib/); session checked by the route pipeline. Never cached, always a download.
export const GET = signedInRoute({ params: idParam }, async ({ actor, params: { id } }) => {
  const body = await exportOrganisationData({ actor, organisationId: id });
  const stamp = new Date().toISOString().slice(0, 10);
  return downloadResponse(body, {
    mediaType: MEDIA_TYPES.json,
    fileName: `organisation-${id.toLowerCase()}-${stamp}.json`,
  });
});
