import "server-only";
// The moderation page's overview counts, shared for a few seconds (lib/cache): five aggregates over a
// consultation's inputs cost PostgreSQL 20–100 ms per view at 15,000 inputs, most of the page's cost.
// A moderator's own decisions (and registration changes) clear it on every instance at commit; new
// inputs from organisations show in the counts within PUBLIC_DATA_TTL_MS (the queue below lists them
// at once).
import { cachedData } from "@/lib/cache";
import { getOverview, queueConditions, type Overview, type OverviewScope } from "./queue";

export async function getOverviewForPage({ actor, consultationId, round }: OverviewScope): Promise<Overview> {
  // The caller's scope first (throws as getOverview does): the cached counts are shared by everyone who may see them.
  queueConditions(actor, consultationId, { sort: "newest" });
  return cachedData("overview", consultationId ?? `all:${round ?? ""}`, () =>
    getOverview({ actor, consultationId, round }),
  );
}
