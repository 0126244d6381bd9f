import type { NextRequest } from "next/server";
import { getActor } from "@/lib/auth/session";
import { attachmentResponse } from "@/lib/http/attachment";
import { downloadRefusal } from "@/lib/http/refusal";
import { DomainError } from "@/lib/errors";
import { getAttachmentForDownload } from "@/lib/submissions";

// Downloads only for the organisation's members, the consultation's anchors and the secretariat
// (checked in lib/); always as an attachment with a safe name, never rendered inline.
export async function GET(req: NextRequest, ctx: RouteContext<"/api/attachments/[id]">) {
  const actor = await getActor();
  if (!actor) return downloadRefusal(req, 401);
  const { id } = await ctx.params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) return downloadRefusal(req, 404);
  try {
    const { attachment, bytes } = await getAttachmentForDownload({ actor, attachmentId: id });
    return attachmentResponse(attachment, bytes, "no-store, private");
  } catch (e) {
    if (e instanceof DomainError) return downloadRefusal(req, 404);
    throw e;
  }
}
