import { getTranslations } from "next-intl/server";
import { LocaleLink } from "@/components/locale-link";
import type { AppLocale } from "@/lib/i18n/config";
import { countryOptions } from "@/lib/i18n/countries";
import type { ThemeLabel } from "@/lib/i18n/theme-labels";
import type { RegionCount } from "@/lib/moderation/regions";
import { ORGANISATION_TYPES, QUEUE_STATUSES, type QueueFilters } from "@/lib/moderation/schemas";
import type { RoundSummary } from "@/lib/rounds";
import { inputLanguages } from "@/lib/submissions/schemas";

/**
 * The queue's filter form (a GET search form): round (all consultations), search, region, status,
 * theme, type of organisation, language, country, dates and sort order.
 */
export async function QueueFilterForm({
  slug,
  locale,
  all,
  rounds,
  filters,
  regions,
  regionNamesById,
  themes,
  langName,
}: {
  slug: string;
  locale: AppLocale;
  all: boolean;
  /** The rounds to choose from (all consultations only). */
  rounds: RoundSummary[] | null;
  filters: QueueFilters;
  regions: RegionCount[];
  regionNamesById: Map<string, string>;
  themes: ThemeLabel[];
  langName: (l: string) => string;
}) {
  const [t, ta, ts, to] = await Promise.all([
    getTranslations("moderation"),
    getTranslations("anchor"),
    getTranslations("mySubmissions"),
    getTranslations("organisation"),
  ]);
  const select = (
    name: string,
    label: string,
    value: string | number | undefined,
    options: { value: string; label: string }[],
  ) => (
    <label className="flex flex-col text-sm">
      <span className="font-medium">{label}</span>
      <select
        name={name}
        defaultValue={value === undefined ? "" : String(value)}
        className="max-w-[16rem] rounded border border-slate-500 px-2 py-1"
      >
        <option value="">{t("any")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <form method="get" className="mt-2 flex flex-wrap items-end gap-3" role="search" aria-label={t("filters")}>
      {all && rounds ? (
        <label className="flex flex-col text-sm">
          <span className="font-medium">{t("round")}</span>
          <select
            name="round"
            defaultValue={filters.round ?? ""}
            className="max-w-[16rem] rounded border border-slate-500 px-2 py-1"
            data-testid="round-filter"
          >
            {rounds.map((r) => (
              <option key={r.slug} value={r.slug}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <div className="flex w-full max-w-md flex-col text-sm">
        <label htmlFor="queue-search" className="font-medium">
          {t("search")}
        </label>
        <span id="search-hint" className="text-xs text-slate-700">
          {ta("searchHint")}
        </span>
        <input
          id="queue-search"
          type="search"
          name="q"
          defaultValue={filters.q ?? ""}
          dir="auto"
          aria-describedby="search-hint"
          className="rounded border border-slate-500 px-2 py-1"
        />
      </div>
      {all
        ? select(
            "region",
            t("region"),
            filters.region,
            regions.map((r) => ({ value: r.slug, label: regionNamesById.get(r.id) ?? r.region })),
          )
        : null}
      {select(
        "status",
        t("status"),
        filters.status,
        QUEUE_STATUSES.map((s) => ({ value: s, label: ts(`statuses.${s}`) })),
      )}
      {select(
        "theme",
        t("theme"),
        filters.theme,
        themes.map((th) => ({ value: String(th.id), label: th.short })),
      )}
      {select(
        "orgType",
        t("orgType"),
        filters.orgType,
        ORGANISATION_TYPES.map((o) => ({ value: o, label: to(`types.${o}`) })),
      )}
      {select(
        "language",
        t("language"),
        filters.language,
        inputLanguages.map((l) => ({ value: l, label: langName(l) })),
      )}
      {select("country", ta("countryFilter"), filters.country, countryOptions(locale))}
      <label className="flex flex-col text-sm">
        <span className="font-medium">{t("from")}</span>
        <input
          type="date"
          name="from"
          defaultValue={filters.from ?? ""}
          className="rounded border border-slate-500 px-2 py-1"
        />
      </label>
      <label className="flex flex-col text-sm">
        <span className="font-medium">{t("to")}</span>
        <input
          type="date"
          name="to"
          defaultValue={filters.to ?? ""}
          className="rounded border border-slate-500 px-2 py-1"
        />
      </label>
      {select("sort", t("sort"), filters.sort, [
        { value: "newest", label: t("newest") },
        { value: "oldest", label: t("oldest") },
      ])}
      <button type="submit" className="rounded bg-brand px-4 py-1 text-white">
        {t("apply")}
      </button>
      <LocaleLink href={`/moderation/${slug}`} className="text-sm underline">
        {t("clear")}
      </LocaleLink>
    </form>
  );
}
