// Locale-aware formatting with the platform's Intl (no library, nothing sent to the browser).
import type { AppLocale } from "./config";
import { cachedFormatter } from "./intl-cache";

// English dates in the UN's (British) style: "4–5 August 2017".
const intlLocale = (locale: AppLocale) => (locale === "en" ? "en-GB" : locale);

/** "4–5 August 2017", "4-5 août 2017", "٤–٥ أغسطس ٢٠١٧" … for date-only values (YYYY-MM-DD). */
export function formatDateRange(locale: AppLocale, startsOn: string, endsOn: string): string {
  const fmt = cachedFormatter(
    `dateRange|${locale}`,
    () =>
      new Intl.DateTimeFormat(intlLocale(locale), { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
  );
  // ICU's formatRange costs about 20 µs a call (ten times a plain format) and pages show the same few
  // ranges again and again: the home page 7, the public inputs page one per input.
  return cachedFormatter(`dateRange|${locale}|${startsOn}|${endsOn}`, () =>
    fmt.formatRange(new Date(`${startsOn}T00:00:00Z`), new Date(`${endsOn}T00:00:00Z`)),
  );
}

/** An instant shown in the consultation's own time zone, with the zone named. */
export function formatInstantInZone(locale: AppLocale, instant: Date, timeZone: string): string {
  return cachedFormatter(
    `instant|${locale}|${timeZone}`,
    () => new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "long", timeStyle: "short", timeZone }),
  ).format(instant);
}

// Country and language names have one source, shared with the browser: lib/i18n/names.ts.
export { countryList, countryName, languageList, languageName, listOf } from "./names";

export function formatNumber(locale: AppLocale, n: number): string {
  return cachedFormatter(`number|${locale}`, () => new Intl.NumberFormat(intlLocale(locale))).format(n);
}

/** Language names ("French", "français" …) in the UI language. */
export function languageNames(locale: AppLocale): Intl.DisplayNames {
  return cachedFormatter(`language|${locale}`, () => new Intl.DisplayNames([locale], { type: "language" }));
}
