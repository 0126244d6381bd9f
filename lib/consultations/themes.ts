import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { consultations, themeTranslations, themes } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import { cachedPublicData } from "@/lib/cache";
import type { AppLocale } from "@/lib/i18n/config";

export interface ThemeName {
  id: number;
  slug: string;
  name: string;
}

/** The six themes named in one language (the one taxonomy every region shares). */
export async function listThemes({ locale }: { locale: AppLocale }): Promise<ThemeName[]> {
  // Cached like every public read (lib/cache); a copy, as callers may sort it.
  const rows = await cachedPublicData(`themes:${locale}`, (db) =>
    db
      .select({ id: themes.id, slug: themes.slug, name: themeTranslations.name })
      .from(themes)
      .innerJoin(themeTranslations, and(eq(themeTranslations.themeId, themes.id), eq(themeTranslations.locale, locale)))
      .orderBy(asc(themes.id)),
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
