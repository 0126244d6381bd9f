import { getRequestConfig } from "next-intl/server";
import { defaultLocale, isLocale } from "./config";
import { loadMessages } from "./messages";

// The server's own zone, which next-intl would otherwise work out again on every request (a new
// Intl.DateTimeFormat each time, ≈ 70 µs). Dates the portal shows name their zone explicitly
// (lib/i18n/format.ts, zones.ts); this is only next-intl's default.
const SERVER_TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = isLocale(requested) ? requested : defaultLocale;
  return { locale, messages: await loadMessages(locale), timeZone: SERVER_TIME_ZONE };
});
