import "server-only";
// Privacy: participants' personal data is purged a configurable number of days after their
// consultation ended (PARTICIPANT_RETENTION_DAYS). The purge is one idempotent UPDATE, so any number
// of app instances may run it at once: a row already purged no longer matches.
import { and, eq, inArray, isNotNull, ne, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { consultations, participants, registrations } from "@/db/schema";
import { env } from "@/lib/env";
import { redactForLog } from "@/lib/redact";

/** What a purged participant keeps: how they attend and whether support was asked, for the counts. */
const PURGED = {
  name: "",
  email: "",
  title: null,
  nationality: null,
  accessibility: null,
  interpretationLanguage: null,
  dietary: null,
  travelSupportReason: null,
} as const;

/**
 * Purges the personal fields of participants whose consultation ended more than `retentionDays`
 * days before `today` (an ISO date). Returns how many participants were purged now.
 */
export async function purgeExpiredParticipants({
  retentionDays,
  today = new Date().toISOString().slice(0, 10),
}: {
  retentionDays: number;
  today?: string;
}): Promise<number> {
  const db = await getDb();
  const expired = db
    .select({ id: registrations.id })
    .from(registrations)
    .innerJoin(consultations, eq(consultations.id, registrations.consultationId))
    .where(sql`${consultations.endsOn} + ${retentionDays}::int < ${today}::date`);
  const rows = await db
    .update(participants)
    .set(PURGED)
    .where(
      and(
        inArray(participants.registrationId, expired),
        or(
          ne(participants.name, ""),
          ne(participants.email, ""),
          isNotNull(participants.title),
          isNotNull(participants.nationality),
          isNotNull(participants.accessibility),
          isNotNull(participants.interpretationLanguage),
          isNotNull(participants.dietary),
          isNotNull(participants.travelSupportReason),
        ),
      ),
    )
    .returning({ id: participants.id });
  return rows.length;
}

const LOOP = Symbol.for("gcm.retentionLoop");

/** Runs the purge at start-up and every few hours, once per process, when a period is configured. */
export function startRetentionLoop(intervalMs = 6 * 3600_000): void {
  const days = env().PARTICIPANT_RETENTION_DAYS;
  const g = globalThis as { [LOOP]?: NodeJS.Timeout };
  if (days === undefined || g[LOOP]) return;
  const run = () =>
    purgeExpiredParticipants({ retentionDays: days })
      .then((n) => {
        if (n > 0) console.log(`[retention] purged the personal data of ${n} participants`);
      })
      .catch((err: unknown) => console.error(`[retention] ${redactForLog((err as Error).message)}`));
  void run();
  g[LOOP] = setInterval(run, intervalMs);
  g[LOOP].unref();
}
