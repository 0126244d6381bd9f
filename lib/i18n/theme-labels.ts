import { getTranslations } from "next-intl/server";
import { listThemes, type ThemeName } from "@/lib/consultations/themes";
import type { AppLocale } from "./config";

export interface ThemeLabel extends ThemeName {
  /** A few words for filters, charts and table rows; the full name stays for titles and details. */
  short: string;
}

/** A round's topics named in the UI language: full names from the database, short ones from the catalogue. */
export async function listThemeLabels({
  locale,
  roundId,
}: {
  locale: AppLocale;
  roundId: string;
}): Promise<ThemeLabel[]> {
  const [themes, t] = await Promise.all([
    listThemes({ locale, roundId }),
    getTranslations({ locale, namespace: "themeShort" }),
  ]);
  return themes.map((th) => ({ ...th, short: t.has(th.slug as never) ? t(th.slug as never) : th.name }));
}

/** A theme's short name by its number (a number no theme has stays a number, never "Theme 1"). */
export function themeShortName(themes: ThemeLabel[], id: number): string {
  return themes.find((th) => th.id === id)?.short ?? String(id);
}
