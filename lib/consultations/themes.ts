import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { themeTranslations, themes } from "@/db/schema";
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
