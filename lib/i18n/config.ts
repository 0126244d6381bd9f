export const locales = ["en", "fr", "es", "ar"] as const;
export type AppLocale = (typeof locales)[number];
export const defaultLocale: AppLocale = "en";

// Each language named in itself (autonyms are data, the same in every UI language).
export const localeAutonyms: Record<AppLocale, string> = {
  en: "English",
  fr: "Français",
  es: "Español",
  ar: "العربية",
};

/** The languages as a select's options, each named in itself. */
export const localeOptions = locales.map((l) => ({ value: l, label: localeAutonyms[l] }));

export function isLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

export function directionOf(locale: AppLocale): "ltr" | "rtl" {
  return locale === "ar" ? "rtl" : "ltr";
}
