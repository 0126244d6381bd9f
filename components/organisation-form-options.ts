import "server-only";
import type { AppLocale } from "@/lib/i18n/config";
import { countryOptions } from "@/lib/i18n/countries";
import { languageName } from "@/lib/i18n/names";
import { workingLanguageCodes } from "@/lib/organisations/schemas";

/** The organisation form's countries and working languages, named on the server in the UI language. */
export function organisationFormOptions(locale: AppLocale) {
  return {
    countries: countryOptions(locale),
    // The UN's working languages first, as listed in the schema, then the others.
    languages: workingLanguageCodes.map((code) => ({ value: code, label: languageName(locale, code) })),
  };
}
