// One way of naming a consultation's time zone on every page, e-mail and error: "Nadi time
// (UTC+12)", "heure de Nadi (UTC+12)" … — its city in the reader's language and its offset from UTC
// at the moment concerned (so a deadline during daylight-saving time shows that offset).
import { createTranslator } from "next-intl";
import { offsetMinutes } from "@/lib/time";
import type { AppLocale } from "./config";
import { formatInstantInZone } from "./format";
import { cachedFormatter } from "./intl-cache";
import { loadMessages } from "./messages";

export interface Zoned {
  slug: string;
  city: string;
  timeZone: string;
}

/** "UTC+12", "UTC-5", "UTC+5:30", "UTC". */
export function formatUtcOffset(instant: Date, timeZone: string): string {
  const m = offsetMinutes(instant, timeZone);
  if (m === 0) return "UTC";
  const abs = Math.abs(m);
  const hm = abs % 60 ? `${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, "0")}` : String(abs / 60);
  return `UTC${m < 0 ? "-" : "+"}${hm}`;
}

/** "Nadi time (UTC+12)" in `locale`, at the instant `at` (by default the consultation's present offset). */
export function zoneName(locale: AppLocale, c: Zoned, at: Date = new Date()): Promise<string> {
  const offset = formatUtcOffset(at, c.timeZone);
  // A pure function of these four, and about 0.1 ms to build (two translators): the home page names
  // seven zones per view.
  return cachedFormatter(`zoneName|${locale}|${c.slug}|${c.city}|${offset}`, async () => {
    const messages = await loadMessages(locale);
    const regions = createTranslator({ locale, messages, namespace: "regions" });
    const t = createTranslator({ locale, messages, namespace: "zones" });
    const key = `${c.slug}.city` as never;
    const city = regions.has(key) ? regions(key) : c.city;
    // In Arabic the offset is a left-to-right run inside right-to-left text: isolated, it keeps its order.
    return t("name", { city, offset: locale === "ar" ? `\u2066${offset}\u2069` : offset });
  });
}

/** A deadline as the messages say it: its date and time on the consultation's clock, and that clock named. */
export async function deadlineInZone(
  locale: AppLocale,
  instant: Date,
  c: Zoned,
): Promise<{ deadline: string; zone: string }> {
  return { deadline: formatInstantInZone(locale, instant, c.timeZone), zone: await zoneName(locale, c, instant) };
}
