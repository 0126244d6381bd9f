import { attachmentResponse } from "@/lib/http/attachment";
import { alwaysNotFound, idParam, publicRoute } from "@/lib/http/route";
import { getPublishedAttachment } from "@/lib/public/inputs";

// A file of a published input whose organisation chose to be named: for anyone, no session needed
// (lib/ checks that the input is public). Always as an attachment with a safe name, never inline.
export const GET = publicRoute({ params: idParam, refusal: alwaysNotFound }, async ({ params }) => {
  const { attachment, bytes } = await getPublishedAttachment({ attachmentId: params.id });
  return attachmentResponse(attachment, bytes, "no-store");
});
