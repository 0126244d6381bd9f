import "server-only";
// The secretariat's view of all consultations side by side (SPEC §F): inputs per region, for the
// by-region overview and the region column and filter of /moderation/all.
import { asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { consultations, submissions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError } from "@/lib/errors";

export interface RegionCount {
  id: string;
  slug: string;
  code: string;
  region: string;
  /** Inputs sent and not taken back (not drafts, not withdrawn). */
  received: number;
  accepted: number;
  /** Submitted or waiting for the organisation's changes: a decision is due. */
  waiting: number;
}

/** Every consultation with its inputs counted, in the consultations' order: the secretariat only. */
export async function inputsByRegion({ actor }: { actor: Actor }): Promise<RegionCount[]> {
  if (!actor.secretariat) throw new ForbiddenError();
  const db = await getDb();
  return db
    .select({
      id: consultations.id,
      slug: consultations.slug,
      code: consultations.code,
      region: consultations.region,
      received: sql<number>`(count(${submissions.id}) filter (where ${submissions.status} not in ('draft', 'withdrawn')))::int`,
      accepted: sql<number>`(count(${submissions.id}) filter (where ${submissions.status} = 'accepted'))::int`,
      waiting: sql<number>`(count(${submissions.id}) filter (where ${submissions.status} in ('submitted', 'changes_requested')))::int`,
    })
    .from(consultations)
    .leftJoin(submissions, eq(submissions.consultationId, consultations.id))
    .groupBy(consultations.id)
    .orderBy(asc(consultations.sortOrder), asc(consultations.code));
}
