import { attachmentResponse } from "@/lib/http/attachment";
import { alwaysNotFound, idParam, signedInRoute } from "@/lib/http/route";
import { getAttachmentForDownload } from "@/lib/submissions";

// Downloads only for the organisation's members, the consultation's anchors and the secretariat
// (checked in lib/); always as an attachment with a safe name, never rendered inline.
export const GET = signedInRoute({ params: idParam, refusal: alwaysNotFound }, async ({ actor, params }) => {
  const { attachment, bytes } = await getAttachmentForDownload({ actor, attachmentId: params.id });
  return attachmentResponse(attachment, bytes, "no-store, private");
});
