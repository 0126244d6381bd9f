import { NextResponse, type NextRequest } from "next/server";
import { getActor } from "@/lib/auth/session";
import { downloadRefusal, exportLocale } from "@/lib/http/refusal";
import { DomainError } from "@/lib/errors";
import { exportSubmissions, type ExportFormat } from "@/lib/exports/submissions";
import { queueFiltersSchema } from "@/lib/moderation/schemas";
import { getConsultationForModeration } from "@/lib/consultations/moderation";
import { appBaseUrl } from "@/lib/url";

const noStore = { "Cache-Control": "no-store, private" };
const types: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json; charset=utf-8",
};

// GET /api/moderation/<slug|all>/export?format=csv|xlsx|json&<queue filters>: the consultation's
// anchors and the secretariat (all: the secretariat only); checked in lib/, session checked here.
// CSV and XLSX in the words of ?locale= (else the visitor's language); JSON is the same in every language.
export async function GET(req: NextRequest, ctx: RouteContext<"/api/moderation/[slug]/export">) {
  const actor = await getActor();
  if (!actor) return downloadRefusal(req, 401);
  const { slug } = await ctx.params;
  const sp = req.nextUrl.searchParams;
  const format = (["csv", "xlsx", "json"] as const).find((f) => f === sp.get("format")) ?? "csv";
  const filters = queueFiltersSchema.parse(Object.fromEntries(sp.entries()));
  try {
    const consultationId = slug === "all" ? null : (await getConsultationForModeration({ actor, slug })).id;
    const body = await exportSubmissions({ actor, consultationId, filters, format, locale: exportLocale(req), baseUrl: await appBaseUrl() });
    const stamp = new Date().toISOString().slice(0, 10);
    return new NextResponse(body, {
      headers: {
        ...noStore,
        "Content-Type": types[format],
        "Content-Disposition": `attachment; filename="inputs-${slug.replace(/[^a-z-]/g, "")}-${stamp}.${format}"`,
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (e) {
    if (e instanceof DomainError) return downloadRefusal(req, e.status === 403 ? 403 : 404);
    throw e;
  }
}
