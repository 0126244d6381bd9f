import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { consultations, registrations, rounds } from "@/db/schema";
import { cachedPublicData } from "@/lib/cache";
import { consultationPhase, type ConsultationPhase } from "./phase";

export interface PublicConsultation {
  id: string;
  roundId: string;
  slug: string;
  code: string;
  region: string;
  city: string;
  country: string;
  startsOn: string;
  endsOn: string;
  timeZone: string;
  anchors: string;
  registrationDeadline: Date | null;
  submissionDeadline: Date | null;
  inPersonCapacity: number | null;
  seatsTaken: number;
  seatsLeft: number | null;
  status: "draft" | "open" | "closed";
  phase: ConsultationPhase;
}

// Seats held by confirmed registrations; waitlisted and pending ones hold none.
const seatsTaken = sql<number>`coalesce((
  select sum(${registrations.inPersonSeats}) from ${registrations}
  where ${registrations.consultationId} = ${consultations.id} and ${registrations.status} = 'confirmed'
), 0)::int`;

const publicColumns = {
  id: consultations.id,
  roundId: consultations.roundId,
  slug: consultations.slug,
  code: consultations.code,
  region: consultations.region,
  city: consultations.city,
  country: consultations.country,
  startsOn: consultations.startsOn,
  endsOn: consultations.endsOn,
  timeZone: consultations.timeZone,
  anchors: consultations.anchors,
  registrationDeadline: consultations.registrationDeadline,
  submissionDeadline: consultations.submissionDeadline,
  inPersonCapacity: consultations.inPersonCapacity,
  status: consultations.status,
  seatsTaken,
};

type Row = { [K in keyof typeof publicColumns]: PublicConsultation[K & keyof PublicConsultation] };

function toPublic(row: Row, now: Date): PublicConsultation {
  return {
    ...row,
    seatsLeft: row.inPersonCapacity === null ? null : Math.max(0, row.inPersonCapacity - row.seatsTaken),
    phase: consultationPhase(row, now),
  };
}

// The public consultations' rows, cached (lib/cache: at most a few seconds old, on
// every instance); their phase depends on the moment and is computed per call.
const publicRows = () =>
  cachedPublicData("consultations", (db) =>
    db
      .select(publicColumns)
      .from(consultations)
      // Nor those of a round in preparation: the round is the secretariat's until it opens it.
      .where(
        sql`${consultations.status} <> 'draft' and ${consultations.roundId} in (select ${rounds.id} from ${rounds} where ${rounds.status} <> 'preparing')`,
      )
      .orderBy(asc(consultations.sortOrder), asc(consultations.startsOn)),
  );

/** The consultations the public may see (drafts and rounds in preparation are the secretariat's), in the source's order. */
export async function listPublicConsultations(now = new Date()): Promise<PublicConsultation[]> {
  return (await publicRows()).map((r) => toPublic(r, now));
}

export async function getPublicConsultation(
  { slug }: { slug: string },
  now = new Date(),
): Promise<PublicConsultation | null> {
  const row = (await publicRows()).find((r) => r.slug === slug);
  return row ? toPublic(row, now) : null;
}

export async function consultationSlug({ consultationId }: { consultationId: string }): Promise<string> {
  const db = await getDb();
  const [row] = await db
    .select({ slug: consultations.slug })
    .from(consultations)
    .where(eq(consultations.id, consultationId));
  return row?.slug ?? "";
}
