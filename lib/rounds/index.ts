import "server-only";
// Rounds of consultations (issue 17): the 2017 round, and each regional review after it with its own
// consultations and topics. The public reads the rounds that are not in preparation; everything else
// is the secretariat's, checked here. Every change writes its audit row in its own transaction.
import { and, asc, count, desc, eq, inArray, max, ne, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import {
  auditEvents,
  consultations,
  roleGrants,
  roundTranslations,
  rounds,
  submissions,
  themeGroupTranslations,
  themeGroups,
  themeTranslations,
  themes,
  type Consultation,
  type Locale,
  type Round,
} from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { publicDataChanged } from "@/lib/cache";
import { ConflictError, DomainError, ForbiddenError, NotFoundError, isUniqueViolation } from "@/lib/errors";
import { locales, type AppLocale } from "@/lib/i18n/config";
import { zonedLocalToUtc } from "@/lib/time";
import type {
  AddConsultationInput,
  AddTopicGroupInput,
  AddTopicInput,
  ConsultationDetailsInput,
  CreateRoundInput,
  DeleteTopicInput,
  GroupTopicInput,
  MoveTopicInput,
  RenameTopicInput,
  UpdateRoundInput,
} from "./schemas";

type Names = Record<Locale, string>;

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

function requireSecretariat(actor: Actor) {
  if (!actor.secretariat) throw new ForbiddenError();
}

const namesOf = (rows: { locale: Locale; name: string }[]): Names => {
  const out = { en: "", fr: "", es: "", ar: "" } as Names;
  for (const r of rows) out[r.locale] = r.name;
  return out;
};
const nameRows = <K extends string, I extends string | number>(key: K, id: I, names: Names) =>
  locales.map(
    (locale) => ({ [key]: id, locale, name: names[locale] }) as { [P in K]: I } & { locale: Locale; name: string },
  );

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
export async function listPublicRounds({ locale }: { locale: AppLocale }): Promise<RoundSummary[]> {
  const db = await getDb();
  return db
    .select(summaryColumns(locale))
    .from(rounds)
    .where(ne(rounds.status, "preparing"))
    .orderBy(desc(rounds.startsOn), desc(rounds.endsOn));
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
  const db = await getDb();
  const [r] = await db
    .select({ id: rounds.id, slug: rounds.slug })
    .from(consultations)
    .innerJoin(rounds, eq(rounds.id, consultations.roundId))
    .where(eq(consultations.id, consultationId));
  return r ?? null;
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

async function hasInputs(db: Pick<Tx, "select">, roundId: string): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(submissions)
    .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
    .where(eq(consultations.roundId, roundId));
  return (row?.n ?? 0) > 0;
}

// ---------------------------------------------------------------- the secretariat's writes

/** Locks the round for a change made from a form of its version; a stale form is refused. */
async function lockRound(tx: Tx, roundId: string, version: number): Promise<Round> {
  const [r] = await tx.select().from(rounds).where(eq(rounds.id, roundId)).for("update");
  if (!r) throw new NotFoundError();
  if (r.version !== version) throw new ConflictError("staleRound");
  await tx
    .update(rounds)
    .set({ version: r.version + 1, updatedAt: new Date() })
    .where(eq(rounds.id, r.id));
  return r;
}

const audit = (tx: Tx, actor: Actor, roundId: string, action: string, note?: string | null, consultationId?: string) =>
  tx.insert(auditEvents).values({ actorId: actor.userId, action, roundId, consultationId, note: note ?? null });

/** Topic numbers are global (submissions.themes holds them) and never reused: the next after the highest. */
async function nextTopicIds(tx: Tx, n: number): Promise<number[]> {
  // Serialises id allocation between rounds' transactions (any fixed number).
  await tx.execute(sql`select pg_advisory_xact_lock(727, 17)`);
  const [row] = await tx.select({ m: max(themes.id) }).from(themes);
  const first = (row?.m ?? 0) + 1;
  if (first + n - 1 > 32767) throw new DomainError("tooManyTopics", 409);
  return Array.from({ length: n }, (_, i) => first + i);
}

/** The code of a copied consultation: "PAC" in 2017 becomes "PAC-2025" (references PAC-2025-0001). */
export const copiedCode = (code: string, roundSlug: string) =>
  `${code.replace(/-[A-Z0-9]+$/, "")}-${roundSlug.toUpperCase()}`;
/** The slug of a copied consultation: "pacific" becomes "pacific-2025"; 2017's URLs are untouched. */
export const copiedSlug = (slug: string, roundSlug: string, fromSlug: string) =>
  `${slug.endsWith(`-${fromSlug}`) ? slug.slice(0, -fromSlug.length - 1) : slug}-${roundSlug}`;

/** The constraint a unique violation hit (postgres.js names it constraint_name, PGlite constraint). */
function constraintOf(e: unknown): string {
  for (
    let err = e as { cause?: unknown; constraint_name?: string; constraint?: string } | undefined, depth = 0;
    err && depth < 4;
    err = err.cause as typeof err, depth++
  ) {
    const c = err.constraint_name ?? err.constraint;
    if (c) return c;
  }
  return "";
}

/**
 * Opens a round (status "preparing": hidden from the public). With copyFrom, the previous round's
 * consultations come along (region, city, country, time zone, capacity, anchors' text; as drafts,
 * dated to the new round's period, with their own slugs and codes), with their anchors' appointments
 * when copyAnchors is set, and (copyTopics) its topics with their groups (new numbers, the same names).
 */
export async function createRound({
  actor,
  input,
}: {
  actor: Actor;
  input: CreateRoundInput;
}): Promise<{ id: string; slug: string }> {
  requireSecretariat(actor);
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const [r] = await tx
        .insert(rounds)
        .values({ slug: input.slug, startsOn: input.startsOn, endsOn: input.endsOn, status: "preparing" })
        .returning();
      if (!r) throw new Error("round not created");
      await tx.insert(roundTranslations).values(nameRows("roundId", r.id, input.names));
      let note: string | null = null;
      if (input.copyFrom) {
        const [from] = await tx.select().from(rounds).where(eq(rounds.id, input.copyFrom));
        if (!from) throw new DomainError("notFound", 404, {}, "copyFrom");
        note = `copied from ${from.slug}${input.copyAnchors ? ", anchors" : ""}${input.copyTopics ? ", topics" : ""}`;
        const source = await tx
          .select()
          .from(consultations)
          .where(eq(consultations.roundId, from.id))
          .orderBy(asc(consultations.sortOrder));
        for (const c of source) {
          const [copy] = await tx
            .insert(consultations)
            .values({
              roundId: r.id,
              slug: copiedSlug(c.slug, r.slug, from.slug),
              code: copiedCode(c.code, r.slug),
              region: c.region,
              city: c.city,
              country: c.country,
              startsOn: r.startsOn,
              endsOn: r.endsOn,
              timeZone: c.timeZone,
              anchors: c.anchors,
              inPersonCapacity: c.inPersonCapacity,
              status: "draft",
              sortOrder: c.sortOrder,
            })
            .returning({ id: consultations.id });
          if (input.copyAnchors) {
            const anchors = await tx
              .select({ userId: roleGrants.userId })
              .from(roleGrants)
              .where(and(eq(roleGrants.role, "anchor"), eq(roleGrants.consultationId, c.id)));
            if (anchors.length) {
              await tx.insert(roleGrants).values(
                anchors.map((a) => ({
                  userId: a.userId,
                  role: "anchor" as const,
                  consultationId: copy!.id,
                  grantedBy: actor.userId,
                })),
              );
              await tx.insert(auditEvents).values(
                anchors.map(() => ({
                  actorId: actor.userId,
                  action: "anchor.appoint",
                  roundId: r.id,
                  consultationId: copy!.id,
                  note: `copied from ${c.slug}`,
                })),
              );
            }
          }
        }
        const groups = input.copyTopics
          ? await tx
              .select()
              .from(themeGroups)
              .where(eq(themeGroups.roundId, from.id))
              .orderBy(asc(themeGroups.position))
          : [];
        const groupMap = new Map<string, string>();
        for (const g of groups) {
          const [ng] = await tx
            .insert(themeGroups)
            .values({ roundId: r.id, position: g.position })
            .returning({ id: themeGroups.id });
          groupMap.set(g.id, ng!.id);
          const gn = await tx.select().from(themeGroupTranslations).where(eq(themeGroupTranslations.groupId, g.id));
          if (gn.length)
            await tx
              .insert(themeGroupTranslations)
              .values(gn.map((n) => ({ groupId: ng!.id, locale: n.locale, name: n.name })));
        }
        const topics = input.copyTopics
          ? await tx
              .select()
              .from(themes)
              .where(eq(themes.roundId, from.id))
              .orderBy(asc(themes.position), asc(themes.id))
          : [];
        if (topics.length) {
          const ids = await nextTopicIds(tx, topics.length);
          await tx.insert(themes).values(
            topics.map((t, i) => ({
              id: ids[i]!,
              roundId: r.id,
              slug: t.slug,
              position: t.position,
              groupId: t.groupId ? (groupMap.get(t.groupId) ?? null) : null,
            })),
          );
          const tn = await tx
            .select()
            .from(themeTranslations)
            .where(
              inArray(
                themeTranslations.themeId,
                topics.map((t) => t.id),
              ),
            );
          const idMap = new Map(topics.map((t, i) => [t.id, ids[i]!]));
          if (tn.length)
            await tx
              .insert(themeTranslations)
              .values(tn.map((n) => ({ themeId: idMap.get(n.themeId)!, locale: n.locale, name: n.name })));
        }
      }
      await audit(tx, actor, r.id, "round.create", note);
      return { id: r.id, slug: r.slug };
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      // The round's slug, or a copied consultation's slug or code, is taken.
      throw new DomainError(
        constraintOf(e).startsWith("rounds_") ? "roundSlugTaken" : "copySlugTaken",
        409,
        {},
        "slug",
      );
    }
    throw e;
  }
}

export async function updateRound({
  actor,
  input,
}: {
  actor: Actor;
  input: UpdateRoundInput;
}): Promise<{ slug: string }> {
  requireSecretariat(actor);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const r = await lockRound(tx, input.roundId, input.version);
    await tx
      .update(rounds)
      .set({ startsOn: input.startsOn, endsOn: input.endsOn, status: input.status, updatedAt: new Date() })
      .where(eq(rounds.id, r.id));
    for (const row of nameRows("roundId", r.id, input.names)) {
      await tx
        .insert(roundTranslations)
        .values(row)
        .onConflictDoUpdate({ target: [roundTranslations.roundId, roundTranslations.locale], set: { name: row.name } });
    }
    await tx.insert(auditEvents).values({
      actorId: actor.userId,
      action: "round.update",
      roundId: r.id,
      fromState: r.status,
      toState: input.status,
    });
    await publicDataChanged(tx);
    return { slug: r.slug };
  });
}

/** A new consultation of the round (a draft until the secretariat opens it on its own page). */
export async function addConsultation({
  actor,
  input,
}: {
  actor: Actor;
  input: AddConsultationInput;
}): Promise<{ slug: string }> {
  requireSecretariat(actor);
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const r = await lockRound(tx, input.roundId, input.version);
      const [last] = await tx
        .select({ n: max(consultations.sortOrder) })
        .from(consultations)
        .where(eq(consultations.roundId, r.id));
      const toInstant = (v: string | undefined) => (v ? zonedLocalToUtc(v, input.timeZone) : null);
      const [c] = await tx
        .insert(consultations)
        .values({
          roundId: r.id,
          slug: input.slug,
          code: input.code,
          region: input.region,
          city: input.city,
          country: input.country,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          timeZone: input.timeZone,
          anchors: input.anchors,
          inPersonCapacity: input.inPersonCapacity,
          registrationDeadline: toInstant(input.registrationDeadline),
          submissionDeadline: toInstant(input.submissionDeadline),
          status: "draft",
          sortOrder: (last?.n ?? 0) + 1,
        })
        .returning({ id: consultations.id, slug: consultations.slug });
      await audit(tx, actor, r.id, "consultation.create", input.code, c!.id);
      return { slug: c!.slug };
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      if (constraintOf(e).includes("code")) throw new DomainError("codeTaken", 409, {}, "code");
      throw new DomainError("slugTaken", 409, {}, "slug");
    }
    throw e;
  }
}

/**
 * A consultation's region, city, country, time zone and anchor organisations (a later round's copy
 * often moves city). Version-checked as the consultation's other form. Its deadlines are instants and
 * stay the same instants; the form shows them in the new time zone.
 */
export async function updateConsultationDetails({
  actor,
  input,
}: {
  actor: Actor;
  input: ConsultationDetailsInput;
}): Promise<{ slug: string }> {
  requireSecretariat(actor);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [c] = await tx.select().from(consultations).where(eq(consultations.id, input.consultationId)).for("update");
    if (!c) throw new NotFoundError();
    if (c.version !== input.version) throw new ConflictError("staleConsultation");
    await tx
      .update(consultations)
      .set({
        region: input.region,
        city: input.city,
        country: input.country,
        timeZone: input.timeZone,
        anchors: input.anchors,
        version: c.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(consultations.id, c.id));
    await tx.insert(auditEvents).values({
      actorId: actor.userId,
      action: "consultation.details",
      roundId: c.roundId,
      consultationId: c.id,
      note: `${c.city}, ${c.country} → ${input.city}, ${input.country}`,
    });
    await publicDataChanged(tx);
    return { slug: c.slug };
  });
}

// ---------------------------------------------------------------- topics

/** Deleting, reordering and regrouping topics: only until the round's first input (any status). */
async function assertTopicsOpen(tx: Tx, roundId: string): Promise<void> {
  if (await hasInputs(tx, roundId)) throw new DomainError("topicsLocked", 409);
}

async function topicOfRound(tx: Tx, roundId: string, topicId: number) {
  // Locked before the check for inputs: a submission that names the topic holds a share lock on it
  // (lib/consultations/themes.ts assertRoundTopics), so the two cannot pass each other.
  const [t] = await tx
    .select()
    .from(themes)
    .where(and(eq(themes.id, topicId), eq(themes.roundId, roundId)))
    .for("update");
  if (!t) throw new NotFoundError();
  return t;
}

async function groupOfRound(tx: Tx, roundId: string, groupId: string | null): Promise<string | null> {
  if (!groupId) return null;
  const [g] = await tx
    .select({ id: themeGroups.id })
    .from(themeGroups)
    .where(and(eq(themeGroups.id, groupId), eq(themeGroups.roundId, roundId)));
  if (!g) throw new DomainError("notFound", 404, {}, "groupId");
  return g.id;
}

export async function addTopic({ actor, input }: { actor: Actor; input: AddTopicInput }): Promise<{ id: number }> {
  requireSecretariat(actor);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const r = await lockRound(tx, input.roundId, input.version);
    const groupId = await groupOfRound(tx, r.id, input.groupId);
    const [id] = await nextTopicIds(tx, 1);
    const [last] = await tx
      .select({ n: max(themes.position) })
      .from(themes)
      .where(eq(themes.roundId, r.id));
    await tx
      .insert(themes)
      .values({ id: id!, roundId: r.id, slug: `topic-${id}`, position: (last?.n ?? 0) + 1, groupId });
    await tx.insert(themeTranslations).values(nameRows("themeId", id!, input.names));
    await audit(tx, actor, r.id, "topic.add", `${id}: ${input.names.en}`);
    await publicDataChanged(tx);
    return { id: id! };
  });
}

/** Renaming is always allowed: inputs keep the topic's number, and read its new name. */
export async function renameTopic({ actor, input }: { actor: Actor; input: RenameTopicInput }): Promise<void> {
  requireSecretariat(actor);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const r = await lockRound(tx, input.roundId, input.version);
    const t = await topicOfRound(tx, r.id, input.topicId);
    for (const row of nameRows("themeId", t.id, input.names)) {
      await tx
        .insert(themeTranslations)
        .values(row)
        .onConflictDoUpdate({ target: [themeTranslations.themeId, themeTranslations.locale], set: { name: row.name } });
    }
    await audit(tx, actor, r.id, "topic.rename", `${t.id}: ${input.names.en}`);
    await publicDataChanged(tx);
  });
}

export async function moveTopic({ actor, input }: { actor: Actor; input: MoveTopicInput }): Promise<void> {
  requireSecretariat(actor);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const r = await lockRound(tx, input.roundId, input.version);
    await topicOfRound(tx, r.id, input.topicId);
    await assertTopicsOpen(tx, r.id);
    const list = await tx
      .select({ id: themes.id })
      .from(themes)
      .where(eq(themes.roundId, r.id))
      .orderBy(asc(themes.position), asc(themes.id));
    const i = list.findIndex((t) => t.id === input.topicId);
    const j = input.direction === "up" ? i - 1 : i + 1;
    if (j >= 0 && j < list.length) [list[i], list[j]] = [list[j]!, list[i]!];
    for (const [k, t] of list.entries())
      await tx
        .update(themes)
        .set({ position: k + 1 })
        .where(eq(themes.id, t.id));
    await audit(tx, actor, r.id, "topic.move", `${input.topicId} ${input.direction}`);
    await publicDataChanged(tx);
  });
}

export async function groupTopic({ actor, input }: { actor: Actor; input: GroupTopicInput }): Promise<void> {
  requireSecretariat(actor);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const r = await lockRound(tx, input.roundId, input.version);
    const t = await topicOfRound(tx, r.id, input.topicId);
    await assertTopicsOpen(tx, r.id);
    const groupId = await groupOfRound(tx, r.id, input.groupId);
    await tx.update(themes).set({ groupId }).where(eq(themes.id, t.id));
    await audit(tx, actor, r.id, "topic.group", `${t.id} → ${groupId ?? "none"}`);
    await publicDataChanged(tx);
  });
}

export async function deleteTopic({ actor, input }: { actor: Actor; input: DeleteTopicInput }): Promise<void> {
  requireSecretariat(actor);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const r = await lockRound(tx, input.roundId, input.version);
    const t = await topicOfRound(tx, r.id, input.topicId);
    await assertTopicsOpen(tx, r.id);
    await tx.delete(themes).where(eq(themes.id, t.id));
    await audit(tx, actor, r.id, "topic.delete", `${t.id}: ${t.slug}`);
    await publicDataChanged(tx);
  });
}

/** A heading over topics (a round table of the review). An addition: allowed at any time. */
export async function addTopicGroup({
  actor,
  input,
}: {
  actor: Actor;
  input: AddTopicGroupInput;
}): Promise<{ id: string }> {
  requireSecretariat(actor);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const r = await lockRound(tx, input.roundId, input.version);
    const [last] = await tx
      .select({ n: max(themeGroups.position) })
      .from(themeGroups)
      .where(eq(themeGroups.roundId, r.id));
    const [g] = await tx
      .insert(themeGroups)
      .values({ roundId: r.id, position: (last?.n ?? 0) + 1 })
      .returning({ id: themeGroups.id });
    await tx.insert(themeGroupTranslations).values(nameRows("groupId", g!.id, input.names));
    await audit(tx, actor, r.id, "topicGroup.add", input.names.en);
    await publicDataChanged(tx);
    return { id: g!.id };
  });
}

/**
 * Seeds a round's topics from a list (the Compact's 23 objectives from db/source, for instance) in
 * one transaction, groups first. Only before the round's first input, and only into a round without
 * topics.
 */
export async function importTopics({
  actor,
  roundId,
  version,
  groups,
  topics,
}: {
  actor: Actor;
  roundId: string;
  version: number;
  groups: { key: string; names: Names }[];
  topics: { slug: string; group?: string; names: Names }[];
}): Promise<void> {
  requireSecretariat(actor);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const r = await lockRound(tx, roundId, version);
    await assertTopicsOpen(tx, r.id);
    const [existing] = await tx.select({ n: count() }).from(themes).where(eq(themes.roundId, r.id));
    if ((existing?.n ?? 0) > 0) throw new DomainError("topicsNotEmpty", 409);
    const groupIds = new Map<string, string>();
    for (const [i, g] of groups.entries()) {
      const [row] = await tx
        .insert(themeGroups)
        .values({ roundId: r.id, position: i + 1 })
        .returning({ id: themeGroups.id });
      groupIds.set(g.key, row!.id);
      await tx.insert(themeGroupTranslations).values(nameRows("groupId", row!.id, g.names));
    }
    const ids = await nextTopicIds(tx, topics.length);
    for (const [i, t] of topics.entries()) {
      await tx.insert(themes).values({
        id: ids[i]!,
        roundId: r.id,
        slug: t.slug,
        position: i + 1,
        groupId: t.group ? (groupIds.get(t.group) ?? null) : null,
      });
      await tx.insert(themeTranslations).values(nameRows("themeId", ids[i]!, t.names));
    }
    await audit(tx, actor, r.id, "topic.import", `${topics.length} topics`);
    await publicDataChanged(tx);
  });
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

/**
 * Loads the Compact's 23 objectives (lib/rounds/gcm-objectives.ts) into an empty round as its topics,
 * in the Compact's order, each under its round table: importTopics' rules apply.
 */
export async function importGcmObjectives({
  actor,
  roundId,
  version,
}: {
  actor: Actor;
  roundId: string;
  version: number;
}): Promise<void> {
  const { gcmObjectives, gcmRoundTables } = await import("./gcm-objectives");
  await importTopics({
    actor,
    roundId,
    version,
    groups: gcmRoundTables.map((g) => ({ key: g.key, names: g.names })),
    topics: gcmObjectives.map((o) => ({
      slug: `objective-${o.number}`,
      group: gcmRoundTables.find((g) => g.objectives.includes(o.number))?.key,
      names: o.names,
    })),
  });
}
