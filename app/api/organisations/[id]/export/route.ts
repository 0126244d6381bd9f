import { NextResponse, type NextRequest } from "next/server";
import { getActor } from "@/lib/auth/session";
import { downloadRefusal } from "@/lib/http/refusal";
import { DomainError } from "@/lib/errors";
import { exportOrganisationData } from "@/lib/organisations/data";

const noStore = { "Cache-Control": "no-store, private" };

// GET /api/organisations/<id>/export: all of the organisation's data as JSON, for its owners only
// (checked in lib/); session checked here. Never cached, always a download.
export async function GET(req: NextRequest, ctx: RouteContext<"/api/organisations/[id]/export">) {
  const actor = await getActor();
  if (!actor) return downloadRefusal(req, 401);
  const { id } = await ctx.params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) return downloadRefusal(req, 404);
  try {
    const body = await exportOrganisationData({ actor, organisationId: id });
    const stamp = new Date().toISOString().slice(0, 10);
    return new NextResponse(body, {
      headers: {
        ...noStore,
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="organisation-${id.toLowerCase()}-${stamp}.json"`,
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (e) {
    if (e instanceof DomainError) return downloadRefusal(req, e.status === 403 ? 403 : 404);
    throw e;
  }
}
