import { NextResponse, type NextRequest } from "next/server";
import { getActor } from "@/lib/auth/session";
import { downloadRefusal, exportLocale } from "@/lib/http/refusal";
import { DomainError } from "@/lib/errors";
import { exportParticipants } from "@/lib/exports/participants";
import { getConsultationForModeration } from "@/lib/consultations/moderation";

// GET /api/moderation/<slug>/participants?format=csv|xlsx — anchors of that consultation and the
// secretariat only (checked in lib/); the session is checked here first. In the words of ?locale=
// (else the visitor's language).
export async function GET(req: NextRequest, ctx: RouteContext<"/api/moderation/[slug]/participants">) {
  const actor = await getActor();
  if (!actor) return downloadRefusal(req, 401);
  const { slug } = await ctx.params;
  const format = req.nextUrl.searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  try {
    const c = await getConsultationForModeration({ actor, slug });
    const body = await exportParticipants({ actor, consultationId: c.id, format, locale: exportLocale(req) });
    const name = `participants-${c.slug}.${format}`;
    return new NextResponse(body, {
      headers: {
        "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="${name}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (e) {
    if (e instanceof DomainError) return downloadRefusal(req, e.status === 403 ? 403 : 404);
    throw e;
  }
}
