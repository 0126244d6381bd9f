import { NextResponse, type NextRequest } from "next/server";
import { getActor } from "@/lib/auth/session";
import { downloadRefusal, exportLocale } from "@/lib/http/refusal";
import { DomainError } from "@/lib/errors";
import { buildRegionalSummary } from "@/lib/exports/summary";
import { getConsultationForModeration } from "@/lib/consultations/moderation";
import { appBaseUrl } from "@/lib/url";

const noStore = { "Cache-Control": "no-store, private" };

// GET /api/moderation/<slug>/summary?locale=en|fr|es|ar (else the visitor's language): the regional summary (DOCX), for the
// consultation's anchors and the secretariat; checked in lib/, session checked here.
export async function GET(req: NextRequest, ctx: { params: Promise<{ slug: string }> }) {
  const actor = await getActor();
  if (!actor) return downloadRefusal(req, 401);
  const { slug } = await ctx.params;
  const locale = exportLocale(req);
  try {
    const consultation = await getConsultationForModeration({ actor, slug });
    const docx = await buildRegionalSummary({ actor, consultationId: consultation.id, locale, baseUrl: await appBaseUrl() });
    return new NextResponse(new Uint8Array(docx), {
      headers: {
        ...noStore,
        "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "Content-Disposition": `attachment; filename="summary-${consultation.slug.replace(/[^a-z0-9-]/g, "")}-${locale}.docx"`,
        "Content-Length": String(docx.length),
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (e) {
    if (e instanceof DomainError) return downloadRefusal(req, e.status === 403 ? 403 : 404);
    throw e;
  }
}
