import "server-only";
// Words, not codes, in every export for people: column names, statuses,
// theme, country, language and organisation-type names, publication choices and channels in the
// export's language. Built once per export from the message catalogue (through translators, as the
// catalogue is precompiled under Next) and the platform's Intl; lookups per row are map reads.
import { inArray } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { getDb } from "@/db/client";
import { themeTranslations, themes as themeTable } from "@/db/schema";
import {
  ATTENDANCE_MODES as ATTENDANCE,
  CHANNELS,
  ORGANISATION_TYPES,
  PUBLICATIONS,
  REGISTRATION_STATUSES,
  SUBMISSION_STATUSES,
} from "@/db/enums";
import type { AppLocale } from "@/lib/i18n/config";
import { countryName, languageNames } from "@/lib/i18n/format";
import { loadMessages } from "@/lib/i18n/messages";

type Columns = keyof Awaited<ReturnType<typeof loadMessages>>["exports"]["columns"];
type Sheets = keyof Awaited<ReturnType<typeof loadMessages>>["exports"]["sheets"];

/** Words for stored codes (a code without one stands for itself). */
type CodeWords = Record<
  | "status"
  | "channel"
  | "publication"
  | "organisationType"
  | "registrationStatus"
  | "attendance"
  | "country"
  | "language",
  (code: string) => string
>;

export interface ExportLabels extends CodeWords {
  locale: AppLocale;
  column: (key: Columns) => string;
  sheet: (key: Sheets) => string;
  yesNo: (v: boolean) => string;
  theme: (id: number) => string;
  /** A topic's number within its round (2017's themes: their ids, 1–6; a later round's: 1, 2 … of its own). */
  themeNumber: (id: number) => string;
  /** A consultation's region by its slug, else the stored name. */
  region: (slug: string, fallback: string) => string;
  /** A word for the names of exported files ("inputs", "contributions" …), ASCII. */
  file: (key: "inputs" | "participants" | "summary" | "allRegions") => string;
}

function table<K extends string>(keys: readonly K[], word: (k: K) => string): (k: string) => string {
  const m = new Map<string, string>(keys.map((k) => [k, word(k)]));
  return (k) => m.get(k) ?? k;
}

export async function loadExportLabels(locale: AppLocale): Promise<ExportLabels> {
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages, namespace: "exports" });
  const tStatus = createTranslator({ locale, messages, namespace: "mySubmissions.statuses" });
  const tTypes = createTranslator({ locale, messages, namespace: "organisation.types" });
  const tReg = createTranslator({ locale, messages, namespace: "moderation.registrationStatus" });
  const tAttendance = createTranslator({ locale, messages, namespace: "registration.attendance" });
  const tModeration = createTranslator({ locale, messages, namespace: "moderation" });
  const tRegions = createTranslator({ locale, messages, namespace: "regions" });

  const db = await getDb();
  const rows = await db
    .select()
    .from(themeTranslations)
    .where(inArray(themeTranslations.locale, [locale, "en"]));
  const themes = new Map<number, string>();
  // The export's language, else English (topic ids are global: one map serves every round).
  for (const r of rows) if (r.locale === locale || !themes.has(r.themeId)) themes.set(r.themeId, r.name);
  const positions = new Map(
    (await db.select({ id: themeTable.id, position: themeTable.position }).from(themeTable)).map((r) => [
      r.id,
      r.position,
    ]),
  );

  const languages = languageNames(locale);
  const languageCache = new Map<string, string>();
  const countryCache = new Map<string, string>();
  const regionCache = new Map<string, string>();
  const yes = t("yes");
  const no = t("no");
  return {
    locale,
    column: (key) => t(`columns.${key}`),
    sheet: (key) => t(`sheets.${key}`),
    yesNo: (v) => (v ? yes : no),
    status: table(SUBMISSION_STATUSES, (s) => tStatus(s)),
    channel: table(CHANNELS, (c) => t(`channel.${c}`)),
    publication: table(PUBLICATIONS, (p) => t(`publication.${p}`)),
    organisationType: table(ORGANISATION_TYPES, (k) => tTypes(k)),
    registrationStatus: table(REGISTRATION_STATUSES, (s) => tReg(s)),
    attendance: table(ATTENDANCE, (a) => tAttendance(a)),
    country: (code) => {
      let name = countryCache.get(code);
      if (name === undefined) countryCache.set(code, (name = code ? countryName(locale, code) : ""));
      return name;
    },
    language: (code) => {
      let name = languageCache.get(code);
      if (name === undefined) {
        name =
          code === "other"
            ? tModeration("otherLanguage")
            : (() => {
                try {
                  return languages.of(code) ?? code;
                } catch {
                  return code;
                }
              })();
        languageCache.set(code, name);
      }
      return name;
    },
    theme: (id) => themes.get(id) ?? String(id),
    themeNumber: (id) => String(positions.get(id) ?? id),
    region: (slug, fallback) => {
      let name = regionCache.get(slug);
      if (name === undefined) {
        const key = `${slug}.name` as never;
        regionCache.set(slug, (name = tRegions.has(key) ? tRegions(key) : fallback));
      }
      return name;
    },
    file: (key) => t(`files.${key}`),
  };
}
