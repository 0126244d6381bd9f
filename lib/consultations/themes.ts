import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { consultations, themeGroupTranslations, themeGroups, themeTranslations, themes } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import { cachedPublicData } from "@/lib/cache";
import type { AppLocale } from "@/lib/i18n/config";

export interface ThemeName {
  id: number;
  slug: string;
  name: string;
  /** Its number within its round, as shown ("3."): the 2017 themes' numbers are their ids, 1–6. */
  position: number;
  /** The heading it is listed under (a round table of the review), when the round has them. */
  group: string | null;
}

/** A round's topics named in one language, in the round's order (every lookup of topics is per round). */
export async function listThemes({ locale, roundId }: { locale: AppLocale; roundId: string }): Promise<ThemeName[]> {
  // Cached like every public read (lib/cache); a copy, as callers may sort it.
  const rows = await cachedPublicData(`themes:${roundId}:${locale}`, (db) =>
    db
      .select({
        id: themes.id,
        slug: themes.slug,
        name: themeTranslations.name,
        position: themes.position,
        group: sql<
          string | null
        >`(select ${themeGroupTranslations.name} from ${themeGroupTranslations} where ${themeGroupTranslations.groupId} = ${themes.groupId} and ${themeGroupTranslations.locale} = ${locale})`,
      })
      .from(themes)
      .innerJoin(themeTranslations, and(eq(themeTranslations.themeId, themes.id), eq(themeTranslations.locale, locale)))
      .leftJoin(themeGroups, eq(themeGroups.id, themes.groupId))
      .where(eq(themes.roundId, roundId))
      .orderBy(asc(themeGroups.position), asc(themes.position), asc(themes.id)),
  );
  return rows.slice();
}

/**
 * Refuses topics that are not the consultation's round's: an input of a 2017 consultation takes the
 * six 2017 themes, one of a later round that round's topics (error beside the field "themes").
 */
export async function assertRoundTopics(tx: DbOrTx, consultationId: string, ids: readonly number[]): Promise<void> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return;
  // A share lock on the topics named: the secretariat's deletion of one (lib/rounds) waits for this
  // transaction, then finds its input and refuses.
  const rows = await tx
    .select({ id: themes.id })
    .from(themes)
    .innerJoin(consultations, eq(consultations.roundId, themes.roundId))
    .where(and(eq(consultations.id, consultationId), inArray(themes.id, wanted)))
    .for("share", { of: themes });
  if (rows.length !== wanted.length) throw new DomainError("topicNotInRound", 400, {}, "themes");
}
