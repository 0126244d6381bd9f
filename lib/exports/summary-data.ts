import "server-only";
// What the regional summary is made of, read without any personal data: figures from
// confirmed registrations and from inputs, and the accepted inputs themselves. Contact people,
// participants' names, internal notes and the organisation behind an anonymous input are never
// selected, so no later step can leak them.
import { and, asc, count, eq, inArray, notInArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { organisationIfNamed } from "@/lib/db-select";
import {
  consultations,
  organisations,
  participants,
  registrations,
  submissions,
  themes,
  themeTranslations,
  type Consultation,
  type Locale,
  type OrganisationType,
} from "@/db/schema";

export interface SummaryInput {
  id: string;
  reference: string;
  title: string;
  themes: number[];
  summary: string;
  recommendations: string[];
  countries: string[];
  language: string;
  publication: "named" | "anonymous" | "none";
  /** Null when the input is anonymous. */
  organisation: { name: string; country: string } | null;
}

export interface SummaryData {
  consultation: Consultation;
  /** The consultation's round's topics, in its order; number is the topic's number within its round. */
  themes: { id: number; number: number; name: string }[];
  organisationsByType: { type: OrganisationType; n: number }[];
  organisationsByCountry: { country: string; n: number }[];
  participantsByAttendance: { inPerson: number; remote: number };
  inputs: { received: number; accepted: number; byTheme: Map<number, { received: number; accepted: number }> };
  accepted: SummaryInput[];
  /** Received inputs by the countries they concern (an input may concern several), most first. */
  inputsByCountry: { country: string; n: number }[];
  /** Received inputs by the type of the organisation that sent them. */
  inputsByType: { type: OrganisationType; n: number }[];
}

// Inputs that count as received: everything sent and not taken back.
const NOT_RECEIVED = ["draft", "withdrawn"] as const;

/** The summary's content for one consultation (the caller has authorised the actor). */
export async function loadSummaryData(consultationId: string, locale: Locale): Promise<SummaryData | null> {
  const db = await getDb();
  const [consultation] = await db.select().from(consultations).where(eq(consultations.id, consultationId));
  if (!consultation) return null;

  const confirmed = and(eq(registrations.consultationId, consultationId), eq(registrations.status, "confirmed"));
  const received = and(
    eq(submissions.consultationId, consultationId),
    notInArray(submissions.status, [...NOT_RECEIVED]),
  );
  const named = sql`${submissions.publication} <> 'anonymous'`;

  const [themeRows, byType, byCountry, byAttendance, totals, byTheme, accepted, inputsByCountry, inputsByType] =
    await Promise.all([
      db
        .select({
          id: themes.id,
          position: themes.position,
          locale: themeTranslations.locale,
          name: themeTranslations.name,
        })
        .from(themes)
        .innerJoin(themeTranslations, eq(themeTranslations.themeId, themes.id))
        .where(and(eq(themes.roundId, consultation.roundId), inArray(themeTranslations.locale, [locale, "en"])))
        .orderBy(asc(themes.position), asc(themes.id)),
      db
        .select({ type: organisations.type, n: count() })
        .from(registrations)
        .innerJoin(organisations, eq(organisations.id, registrations.organisationId))
        .where(confirmed)
        .groupBy(organisations.type)
        .orderBy(asc(organisations.type)),
      db
        .select({ country: organisations.country, n: count() })
        .from(registrations)
        .innerJoin(organisations, eq(organisations.id, registrations.organisationId))
        .where(confirmed)
        .groupBy(organisations.country)
        .orderBy(sql`count(*) desc`, asc(organisations.country)),
      db
        .select({ attendance: participants.attendance, n: count() })
        .from(participants)
        .innerJoin(registrations, eq(registrations.id, participants.registrationId))
        .where(confirmed)
        .groupBy(participants.attendance),
      db
        .select({
          received: count(),
          accepted: sql<number>`(count(*) filter (where ${submissions.status} = 'accepted'))::int`,
        })
        .from(submissions)
        .where(received),
      db
        .select({
          theme: sql<number>`t.theme`,
          received: count(),
          accepted: sql<number>`(count(*) filter (where ${submissions.status} = 'accepted'))::int`,
        })
        .from(submissions)
        .innerJoin(sql`unnest(${submissions.themes}) as t(theme)`, sql`true`)
        .where(received)
        .groupBy(sql`t.theme`),
      db
        .select({
          id: submissions.id,
          reference: submissions.reference,
          title: submissions.title,
          themes: submissions.themes,
          summary: submissions.summary,
          recommendations: submissions.recommendations,
          countries: submissions.countries,
          language: submissions.language,
          publication: submissions.publication,
          // Selected only for inputs that may carry a name: an anonymous row never holds it.
          ...organisationIfNamed(named),
        })
        .from(submissions)
        .innerJoin(organisations, eq(organisations.id, submissions.organisationId))
        .where(and(eq(submissions.consultationId, consultationId), eq(submissions.status, "accepted")))
        .orderBy(asc(submissions.submittedAt), asc(submissions.id)),
      db
        .select({ country: sql<string>`c.country`, n: count() })
        .from(submissions)
        .innerJoin(sql`unnest(${submissions.countries}) as c(country)`, sql`true`)
        .where(received)
        .groupBy(sql`c.country`)
        .orderBy(sql`count(*) desc`, sql`c.country`),
      db
        .select({ type: organisations.type, n: count() })
        .from(submissions)
        .innerJoin(organisations, eq(organisations.id, submissions.organisationId))
        .where(received)
        .groupBy(organisations.type)
        .orderBy(sql`count(*) desc`, asc(organisations.type)),
    ]);

  // The requested locale's name, else the English one (the one taxonomy every region shares).
  const names = new Map<number, string>();
  for (const r of themeRows) if (r.locale === locale || !names.has(r.id)) names.set(r.id, r.name);
  const positions = new Map(themeRows.map((r) => [r.id, r.position]));

  return {
    consultation,
    themes: [...names].map(([id, name]) => ({ id, number: positions.get(id) ?? id, name })),
    organisationsByType: byType,
    organisationsByCountry: byCountry,
    participantsByAttendance: {
      inPerson: byAttendance.find((r) => r.attendance === "in_person")?.n ?? 0,
      remote: byAttendance.find((r) => r.attendance === "remote")?.n ?? 0,
    },
    inputs: {
      received: totals[0]?.received ?? 0,
      accepted: totals[0]?.accepted ?? 0,
      byTheme: new Map(byTheme.map((r) => [Number(r.theme), { received: r.received, accepted: r.accepted }])),
    },
    inputsByCountry,
    inputsByType,
    accepted: accepted.map((r) => ({
      id: r.id,
      reference: r.reference ?? "",
      title: r.title,
      themes: r.themes,
      summary: r.summary,
      recommendations: r.recommendations,
      countries: r.countries,
      language: r.language,
      publication: r.publication,
      organisation:
        r.publication !== "anonymous" && r.orgName !== null ? { name: r.orgName, country: r.orgCountry ?? "" } : null,
    })),
  };
}
