import type { NextRequest } from "next/server";
import { attachmentResponse } from "@/lib/http/attachment";
import { downloadRefusal } from "@/lib/http/refusal";
import { DomainError } from "@/lib/errors";
import { getPublishedAttachment } from "@/lib/public/inputs";

// A file of a published input whose organisation chose to be named: for anyone, no session needed
// (lib/ checks that the input is public). Always as an attachment with a safe name, never inline.
export async function GET(req: NextRequest, ctx: RouteContext<"/api/public/attachments/[id]">) {
  const { id } = await ctx.params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) return downloadRefusal(req, 404);
  try {
    const { attachment, bytes } = await getPublishedAttachment({ attachmentId: id });
    return attachmentResponse(attachment, bytes, "no-store");
  } catch (e) {
    if (e instanceof DomainError) return downloadRefusal(req, 404);
    throw e;
  }
}
