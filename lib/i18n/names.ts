// The one source of country and language names, for every form, list, page and export: the
// platform's Intl data (CLDR) in the reader's language, and lists joined with that language's own
// words and punctuation ("France, Mali and Senegal", « France, Mali et Sénégal », "فرنسا ومالي والسنغال").
// No server imports: forms in the browser use it too, so both sides show the same names.
import { cachedFormatter } from "./intl-cache";

const regionNames = (locale: string) =>
  cachedFormatter(`region|${locale}`, () => new Intl.DisplayNames([locale], { type: "region" }));
const languageDisplay = (locale: string) =>
  cachedFormatter(`language|${locale}`, () => new Intl.DisplayNames([locale], { type: "language" }));

/** "Mali", « Mali », "مالي" … for an ISO 3166-1 alpha-2 code; the code itself if Intl has no name. */
export function countryName(locale: string, code: string): string {
  try {
    return regionNames(locale).of(code) ?? code;
  } catch {
    return code;
  }
}

/** "French", « français », "الفرنسية" … for an ISO 639-1 code; the code itself if Intl has no name. */
export function languageName(locale: string, code: string): string {
  try {
    return languageDisplay(locale).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Items joined as a sentence of this language joins them ("A, B and C"). */
export function listOf(locale: string, items: readonly string[]): string {
  return cachedFormatter(
    `list|${locale}`,
    () => new Intl.ListFormat(locale, { style: "long", type: "conjunction" }),
  ).format(items);
}

export const countryList = (locale: string, codes: readonly string[]) =>
  listOf(
    locale,
    codes.map((c) => countryName(locale, c)),
  );
export const languageList = (locale: string, codes: readonly string[]) =>
  listOf(
    locale,
    codes.map((c) => languageName(locale, c)),
  );

/** Options named in the reader's language and sorted as that language sorts. */
export function namedOptions<T extends string>(
  locale: string,
  codes: readonly T[],
  name: (locale: string, code: T) => string,
): { value: T; label: string }[] {
  const collator = cachedFormatter(`collator|${locale}`, () => new Intl.Collator(locale));
  return codes.map((c) => ({ value: c, label: name(locale, c) })).sort((a, b) => collator.compare(a.label, b.label));
}
