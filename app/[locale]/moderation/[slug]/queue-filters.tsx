import { getTranslations } from "next-intl/server";
import { DateFilter, FilterSelect, SearchField } from "@/components/filter-fields";
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
 * theme, type of organisation, language, country, dates and sort order. The countries offered are
 * those the queue's inputs name (and the one chosen): a consultation's inputs name a few dozen of
 * the 250, and a list of those is shorter to scan and to send.
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
  countries,
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
  /** The countries the inputs name (the overview's counts). */
  countries: readonly string[];
}) {
  const [t, ta, ts, to] = await Promise.all([
    getTranslations("moderation"),
    getTranslations("anchor"),
    getTranslations("mySubmissions"),
    getTranslations("organisation"),
  ]);
  const named = new Set(countries);
  const select = (
    name: string,
    label: string,
    value: string | number | undefined,
    options: { value: string; label: string }[],
  ) => (
    <FilterSelect
      name={name}
      label={label}
      defaultValue={value}
      options={options}
      any={t("any")}
      width="max-w-[16rem]"
    />
  );

  return (
    <form method="get" className="mt-2 flex flex-wrap items-end gap-3" role="search" aria-label={t("filters")}>
      {all && rounds ? (
        <FilterSelect
          name="round"
          label={t("round")}
          defaultValue={filters.round}
          options={rounds.map((r) => ({ value: r.slug, label: r.name }))}
          width="max-w-[16rem]"
          testId="round-filter"
        />
      ) : null}
      <SearchField
        id="queue-search"
        hintId="search-hint"
        label={t("search")}
        hint={ta("searchHint")}
        defaultValue={filters.q ?? ""}
      />
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
      {select(
        "country",
        ta("countryFilter"),
        filters.country,
        countryOptions(locale).filter((o) => named.has(o.value) || o.value === filters.country),
      )}
      <DateFilter name="from" label={t("from")} defaultValue={filters.from ?? ""} />
      <DateFilter name="to" label={t("to")} defaultValue={filters.to ?? ""} />
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
