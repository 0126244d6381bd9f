import "server-only";
// The secretariat's view of every region side by side: for the by-region overview and the
// region column and filter of /moderation/all (inputsByRegion); per consultation, inputs by
// status and by theme, registrations by status and in-person seats against capacity. Three grouped
// queries whatever the number of inputs (the same index-only counts as the anchors' overview).
import { and, asc, count, eq, ne, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { consultations, registrations, submissions } from "@/db/schema";
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

/** Every consultation (of one round, when given) with its inputs counted, in the consultations' order: the secretariat only. */
export async function inputsByRegion({ actor, roundId }: { actor: Actor; roundId?: string }): Promise<RegionCount[]> {
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
    .where(roundId ? eq(consultations.roundId, roundId) : undefined)
    .groupBy(consultations.id)
    .orderBy(asc(consultations.sortOrder), asc(consultations.code));
}

export interface RegionColumn {
  id: string;
  slug: string;
  region: string;
  city: string;
  total: number;
  byStatus: Record<string, number>;
  byTheme: Record<string, number>;
  registrations: Record<string, number>;
  seatsTaken: number;
  capacity: number | null;
}

/** Each consultation of the round (every one, without a round) side by side, topics counted per consultation. */
export async function getRegionsOverview({
  actor,
  roundId,
}: {
  actor: Actor;
  roundId?: string;
}): Promise<RegionColumn[]> {
  if (!actor.secretariat) throw new ForbiddenError();
  const db = await getDb();
  const [list, grouped, themeCounts, regs, seats] = await Promise.all([
    db
      .select({
        id: consultations.id,
        slug: consultations.slug,
        region: consultations.region,
        city: consultations.city,
        capacity: consultations.inPersonCapacity,
      })
      .from(consultations)
      .where(roundId ? eq(consultations.roundId, roundId) : undefined)
      .orderBy(asc(consultations.sortOrder)),
    db
      .select({ consultationId: submissions.consultationId, status: submissions.status, n: count() })
      .from(submissions)
      .where(ne(submissions.status, "draft"))
      .groupBy(submissions.consultationId, submissions.status),
    // Topics are a round's (any number of them): counted by unnesting each input's topics.
    db
      .select({ consultationId: submissions.consultationId, theme: sql<number>`t.id`, n: count() })
      .from(submissions)
      .innerJoin(sql`unnest(${submissions.themes}) as t(id)`, sql`true`)
      .where(ne(submissions.status, "draft"))
      .groupBy(submissions.consultationId, sql`t.id`),
    db
      .select({ consultationId: registrations.consultationId, status: registrations.status, n: count() })
      .from(registrations)
      .groupBy(registrations.consultationId, registrations.status),
    db
      .select({
        consultationId: registrations.consultationId,
        n: sql<number>`coalesce(sum(${registrations.inPersonSeats}), 0)::int`,
      })
      .from(registrations)
      .where(and(eq(registrations.status, "confirmed")))
      .groupBy(registrations.consultationId),
  ]);
  return list.map((c) => {
    const rows = grouped.filter((g) => g.consultationId === c.id);
    const byTheme: Record<string, number> = Object.fromEntries(
      themeCounts.filter((r) => r.consultationId === c.id).map((r) => [String(r.theme), r.n]),
    );
    return {
      id: c.id,
      slug: c.slug,
      region: c.region,
      city: c.city,
      total: rows.reduce((a, r) => a + r.n, 0),
      byStatus: Object.fromEntries(rows.map((r) => [r.status, r.n])),
      byTheme,
      registrations: Object.fromEntries(regs.filter((r) => r.consultationId === c.id).map((r) => [r.status, r.n])),
      seatsTaken: seats.find((s) => s.consultationId === c.id)?.n ?? 0,
      capacity: c.capacity,
    };
  });
}
