import "server-only";
// Rounds of consultations (issue 17): the 2017 round, and each regional review after it with its own
// consultations and topics. The public reads the rounds that are not in preparation; everything else
// is the secretariat's, checked in each function. The reads are here; the secretariat's writes are in
// admin.ts (rounds and their consultations) and topics.ts (topics and their groups), re-exported here.
// Every change writes its audit row in its own transaction.
import { and, asc, desc, eq, ne, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  consultations,
  roundTranslations,
  rounds,
  themeGroupTranslations,
  themeGroups,
  themeTranslations,
  themes,
  type Consultation,
  type Round,
} from "@/db/schema";
import { requireSecretariat, type Actor } from "@/lib/auth/actor";
import { cachedPublicData } from "@/lib/cache";
import { NotFoundError } from "@/lib/errors";
import type { AppLocale } from "@/lib/i18n/config";
import { hasInputs, namesOf, type Names } from "./shared";

export { addConsultation, copiedCode, copiedSlug, createRound, updateConsultationDetails, updateRound } from "./admin";
export {
  addTopic,
  addTopicGroup,
  deleteTopic,
  groupTopic,
  importGcmObjectives,
  importTopics,
  moveTopic,
  renameTopic,
} from "./topics";

export interface RoundSummary {
  id: string;
  slug: string;
  name: string;
  startsOn: string;
  endsOn: string;
  status: Round["status"];
  version: number;
  consultations: number;
}

export interface RoundTopic {
  id: number;
  slug: string;
  position: number;
  groupId: string | null;
  names: Names;
}

export interface RoundDetail extends Round {
  names: Names;
  consultations: Consultation[];
  topics: RoundTopic[];
  groups: { id: string; position: number; names: Names }[];
  /** An input (of any status, drafts too) exists in the round: topics may then only be renamed or added. */
  hasInputs: boolean;
}

const roundName = (locale: AppLocale) =>
  sql<string>`coalesce((select ${roundTranslations.name} from ${roundTranslations} where ${roundTranslations.roundId} = ${rounds.id} and ${roundTranslations.locale} = ${locale}), ${rounds.slug})`;
const consultationCount = sql<number>`(select count(*)::int from ${consultations} where ${consultations.roundId} = ${rounds.id})`;
const summaryColumns = (locale: AppLocale) => ({
  id: rounds.id,
  slug: rounds.slug,
  name: roundName(locale),
  startsOn: rounds.startsOn,
  endsOn: rounds.endsOn,
  status: rounds.status,
  version: rounds.version,
  consultations: consultationCount,
});

// ---------------------------------------------------------------- public reads

/** The rounds the public may see (not those in preparation), newest first. */
export function listPublicRounds({ locale }: { locale: AppLocale }): Promise<RoundSummary[]> {
  // Every public page asks (the current round): shared like the public pages' other data, and
  // forgotten on every instance when a round's status or names change (updateRound notifies).
  return cachedPublicData(`rounds:${locale}`, (db) =>
    db
      .select(summaryColumns(locale))
      .from(rounds)
      .where(ne(rounds.status, "preparing"))
      .orderBy(desc(rounds.startsOn), desc(rounds.endsOn)),
  );
}

/**
 * The current round: the latest open one (by its period), else the latest one by period that the
 * public may see. Null only when there is none (never after the seed).
 */
export async function currentRound({ locale }: { locale: AppLocale }): Promise<RoundSummary | null> {
  return (await roundForView({ locale })).round;
}

export async function getPublicRound({
  slug,
  locale,
}: {
  slug: string;
  locale: AppLocale;
}): Promise<RoundSummary | null> {
  const db = await getDb();
  const [r] = await db
    .select(summaryColumns(locale))
    .from(rounds)
    .where(and(eq(rounds.slug, slug), ne(rounds.status, "preparing")));
  return r ?? null;
}

/** The round a consultation belongs to (its id and slug); null when there is no such consultation. */
export async function roundOfConsultation({
  consultationId,
}: {
  consultationId: string;
}): Promise<{ id: string; slug: string } | null> {
  // A consultation never changes round: cached with the public pages' data.
  return cachedPublicData(`roundOf:${consultationId}`, async (db) => {
    const [r] = await db
      .select({ id: rounds.id, slug: rounds.slug })
      .from(consultations)
      .innerJoin(rounds, eq(rounds.id, consultations.roundId))
      .where(eq(consultations.id, consultationId));
    return r ?? null;
  });
}

// ---------------------------------------------------------------- the secretariat's reads

export async function listRounds({ actor, locale }: { actor: Actor; locale: AppLocale }): Promise<RoundSummary[]> {
  requireSecretariat(actor);
  const db = await getDb();
  return db.select(summaryColumns(locale)).from(rounds).orderBy(desc(rounds.startsOn), desc(rounds.endsOn));
}

export async function getRound({ actor, slug }: { actor: Actor; slug: string }): Promise<RoundDetail> {
  requireSecretariat(actor);
  const db = await getDb();
  const [r] = await db.select().from(rounds).where(eq(rounds.slug, slug));
  if (!r) throw new NotFoundError();
  const [names, cs, topicRows, topicNames, groupRows, groupNames, inputs] = await Promise.all([
    db
      .select({ locale: roundTranslations.locale, name: roundTranslations.name })
      .from(roundTranslations)
      .where(eq(roundTranslations.roundId, r.id)),
    db
      .select()
      .from(consultations)
      .where(eq(consultations.roundId, r.id))
      .orderBy(asc(consultations.sortOrder), asc(consultations.startsOn)),
    db.select().from(themes).where(eq(themes.roundId, r.id)).orderBy(asc(themes.position), asc(themes.id)),
    db
      .select({ id: themeTranslations.themeId, locale: themeTranslations.locale, name: themeTranslations.name })
      .from(themeTranslations)
      .innerJoin(themes, eq(themes.id, themeTranslations.themeId))
      .where(eq(themes.roundId, r.id)),
    db.select().from(themeGroups).where(eq(themeGroups.roundId, r.id)).orderBy(asc(themeGroups.position)),
    db
      .select({
        id: themeGroupTranslations.groupId,
        locale: themeGroupTranslations.locale,
        name: themeGroupTranslations.name,
      })
      .from(themeGroupTranslations)
      .innerJoin(themeGroups, eq(themeGroups.id, themeGroupTranslations.groupId))
      .where(eq(themeGroups.roundId, r.id)),
    hasInputs(db, r.id),
  ]);
  return {
    ...r,
    names: namesOf(names),
    consultations: cs,
    topics: topicRows.map((t) => ({
      id: t.id,
      slug: t.slug,
      position: t.position,
      groupId: t.groupId,
      names: namesOf(topicNames.filter((n) => n.id === t.id)),
    })),
    groups: groupRows.map((g) => ({
      id: g.id,
      position: g.position,
      names: namesOf(groupNames.filter((n) => n.id === g.id)),
    })),
    hasInputs: inputs,
  };
}

/**
 * The round a page shows: the one its URL names (?round=2017), else the current round. The
 * secretariat also sees rounds in preparation; everyone else only the public ones.
 */
export async function roundForView({
  slug,
  locale,
  actor,
}: {
  slug?: string;
  locale: AppLocale;
  actor?: Actor | null;
}): Promise<{ round: RoundSummary | null; rounds: RoundSummary[] }> {
  const all = actor?.secretariat ? await listRounds({ actor, locale }) : await listPublicRounds({ locale });
  const named = slug ? all.find((r) => r.slug === slug) : undefined;
  const visible = all.filter((r) => r.status !== "preparing");
  const current =
    visible.find((r) => r.status === "open") ??
    visible.slice().sort((a, b) => (b.endsOn > a.endsOn ? 1 : b.endsOn < a.endsOn ? -1 : 0))[0] ??
    all[0] ??
    null;
  return { round: named ?? current, rounds: all };
}
