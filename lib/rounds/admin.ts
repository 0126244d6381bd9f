import "server-only";
// The secretariat's writes on rounds and their consultations: open a round (copying the previous
// one's consultations, anchors and topics if asked), change its dates, names and status, add a
// consultation to it and change a consultation's place. Every change writes its audit row in its own
// transaction.
import { and, asc, eq, inArray, max } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  auditEvents,
  consultations,
  roleGrants,
  roundTranslations,
  rounds,
  themeGroupTranslations,
  themeGroups,
  themeTranslations,
  themes,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requireSecretariat, type Actor } from "@/lib/auth/actor";
import { changeConsultation } from "@/lib/consultations/change";
import { publicDataChanged } from "@/lib/cache";
import { DomainError, isUniqueViolation } from "@/lib/errors";
import { zonedLocalToUtc } from "@/lib/time";
import type { AddConsultationInput, ConsultationDetailsInput, CreateRoundInput, UpdateRoundInput } from "./schemas";
import { audit, changeRound, nameRows, nextTopicIds } from "./shared";

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
  return changeRound(actor, input, async (tx, r) => {
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
    await recordAudit(tx, actor.userId, {
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
  try {
    return await changeRound(actor, input, async (tx, r) => {
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
    const c = await changeConsultation(tx, input, () => ({
      region: input.region,
      city: input.city,
      country: input.country,
      timeZone: input.timeZone,
      anchors: input.anchors,
    }));
    await recordAudit(tx, actor.userId, {
      action: "consultation.details",
      roundId: c.roundId,
      consultationId: c.id,
      note: `${c.city}, ${c.country} → ${input.city}, ${input.country}`,
    });
    await publicDataChanged(tx);
    return { slug: c.slug };
  });
}
