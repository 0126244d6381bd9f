import { getTranslations } from "next-intl/server";
import { localeAutonyms, locales, type AppLocale } from "@/lib/i18n/config";
import { Section } from "@/components/section";

// At least 24 × 24 px to tap (WCAG 2.5.8), short words like "CSV" included.
const link = "inline-flex min-h-6 min-w-6 items-center text-brand underline";

/** Each language named in itself, marked as such, linking to the same download in that language. */
export function InLanguages({
  label,
  href,
  testId,
}: {
  label: string;
  href: (l: AppLocale) => string;
  testId: string;
}) {
  return (
    <p className="flex flex-wrap items-baseline gap-x-3">
      <span>{label}</span>
      {locales.map((l) => (
        <a key={l} href={href(l)} lang={l} hrefLang={l} className={link} data-testid={`${testId}-${l}`}>
          {localeAutonyms[l]}
        </a>
      ))}
    </p>
  );
}

/**
 * Everything an anchor (or the secretariat) hands on, in one place: the regional summary in each
 * language, the inputs with the list's filters, the participants; on the all-consultations page,
 * the secretariat's download of every region. Spreadsheets come in the language of the page.
 */
export async function ExportLinks({
  slug,
  locale,
  filterQuery,
}: {
  slug: string;
  locale: AppLocale;
  filterQuery: string;
}) {
  const t = await getTranslations("exports");
  const tm = await getTranslations("moderation");
  const all = slug === "all";
  const withLocale = (q: string) => `${q}${q ? "&" : "?"}locale=${locale}`;
  // The all-regions download is of the round the page shows (its ?round=).
  const round = new URLSearchParams(filterQuery.replace(/^\?/, "")).get("round");
  return (
    <Section
      id="exports"
      title={t("section")}
      className="mt-6 rounded border border-slate-300 p-3 text-sm"
      testId="exports-section"
    >
      {all ? (
        <>
          <h3 className="mt-2 font-semibold">{t("allRegionsTitle")}</h3>
          <p className="text-slate-700">{t("allRegionsHint")}</p>
          <InLanguages
            label={t("allRegionsLanguages")}
            href={(l) => `/api/secretariat/export?locale=${l}${round ? `&round=${encodeURIComponent(round)}` : ""}`}
            testId="all-regions"
          />
        </>
      ) : (
        <>
          <h3 className="mt-2 font-semibold">{t("summaryTitle")}</h3>
          <p className="text-slate-700">{t("summaryHint")}</p>
          <InLanguages
            label={t("summaryLanguages")}
            href={(l) => `/api/moderation/${slug}/summary?locale=${l}`}
            testId="summary"
          />
        </>
      )}
      <h3 className="mt-3 font-semibold">{t("inputsTitle")}</h3>
      <p className="text-slate-700">{t("inputsHint")}</p>
      <p className="flex flex-wrap gap-x-4">
        {(["xlsx", "csv", "json"] as const).map((fmt) => (
          <a
            key={fmt}
            href={`/api/moderation/${slug}/export${withLocale(`${filterQuery}${filterQuery ? "&" : "?"}format=${fmt}`)}`}
            className={link}
            data-testid={`export-${fmt}`}
          >
            {tm(`export.${fmt}`)}
          </a>
        ))}
      </p>
      {all ? null : (
        <>
          <h3 className="mt-3 font-semibold">{t("participantsTitle")}</h3>
          <p className="flex flex-wrap gap-x-4">
            <a
              href={`/api/moderation/${slug}/participants?format=xlsx&locale=${locale}`}
              className={link}
              data-testid="participants-xlsx"
            >
              {t("participantsXlsx")}
            </a>
            <a
              href={`/api/moderation/${slug}/participants?format=csv&locale=${locale}`}
              className={link}
              data-testid="participants-csv"
            >
              {t("participantsCsv")}
            </a>
          </p>
        </>
      )}
    </Section>
  );
}
