import "server-only";
import { listThemes } from "@/lib/consultations/themes";
import type { AppLocale } from "@/lib/i18n/config";
import { countryOptions } from "@/lib/i18n/countries";
import { languageName } from "@/lib/i18n/names";
import { inputLanguages } from "@/lib/submissions/schemas";
import { getTranslations } from "next-intl/server";

/** Options of the input form, named in the UI language; the topics are those of the consultation's round. */
export async function submissionFormOptions(locale: AppLocale, roundId: string) {
  const t = await getTranslations("submission");
  const themes = (await listThemes({ locale, roundId })).map((th) => ({
    value: String(th.id),
    label: `${th.position}. ${th.name}`,
  }));
  const countries = countryOptions(locale);
  const languages = inputLanguages.map((l) => ({
    value: l,
    label: l === "other" ? t("languages.other") : languageName(locale, l),
  }));
  return { themes, countries, languages };
}
