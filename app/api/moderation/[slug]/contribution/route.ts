import { NextResponse, type NextRequest } from "next/server";
import { getActor } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";
import { downloadRefusal } from "@/lib/http/refusal";
import { getConsultationForModeration } from "@/lib/registrations";
import { buildContributionDocx } from "@/lib/synthesis/docx";

// GET /api/moderation/<slug>/contribution: the region's contribution (DOCX, in the language it is
// written in), for the consultation's anchors and, once submitted, the secretariat; checked in lib/,
// session checked here.
export async function GET(req: NextRequest, ctx: { params: Promise<{ slug: string }> }) {
  const actor = await getActor();
  if (!actor) return downloadRefusal(req, 401);
  const { slug } = await ctx.params;
  try {
    const consultation = await getConsultationForModeration({ actor, slug });
    const { docx, locale } = await buildContributionDocx({ actor, consultationId: consultation.id });
    return new NextResponse(new Uint8Array(docx), {
      headers: {
        "Cache-Control": "no-store, private",
        "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "Content-Disposition": `attachment; filename="contribution-${consultation.slug.replace(/[^a-z0-9-]/g, "")}-${locale}.docx"`,
        "Content-Length": String(docx.length),
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (e) {
    if (e instanceof DomainError) return downloadRefusal(req, e.status === 403 ? 403 : 404);
    throw e;
  }
}
