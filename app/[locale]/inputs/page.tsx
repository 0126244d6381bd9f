import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { FilterSelect, SearchField } from "@/components/filter-fields";
import { LocaleLink } from "@/components/locale-link";
import { listPublicConsultations } from "@/lib/consultations/queries";
import { listThemeLabels } from "@/lib/i18n/theme-labels";
import { defaultLocale, isLocale } from "@/lib/i18n/config";
import { countryName } from "@/lib/i18n/format";
import { regionNames } from "@/lib/i18n/regions";
import { listPublishedInputs } from "@/lib/public/inputs";
import { publicInputsFiltersSchema } from "@/lib/public/schemas";
import { roundForView } from "@/lib/rounds";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("publicInputs");
  return { title: t("title") };
}

export default async function PublicInputsPage({ params, searchParams }: PageProps<"/[locale]/inputs">) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : defaultLocale;
  const sp = await searchParams;
  const { consultation, theme, q: search, after, round: roundParam } = publicInputsFiltersSchema.parse(sp);
  // One round at a time: the one named (?round=2017), else the named consultation's, else the current one.
  const everyConsultation = await listPublicConsultations();
  const { round, rounds } = await roundForView({ locale, slug: roundParam });
  const chosen =
    (!roundParam && consultation
      ? rounds.find((r) => r.id === everyConsultation.find((c) => c.slug === consultation)?.roundId)
      : undefined) ?? round;
  const roundSlug = chosen && chosen.slug !== round?.slug ? chosen.slug : roundParam;
  const consultations = everyConsultation.filter((c) => c.roundId === chosen?.id);
  const [t, tp, format, themes, page] = await Promise.all([
    getTranslations("publicInputs"),
    getTranslations("publicInput"),
    getFormatter(),
    chosen ? listThemeLabels({ locale, roundId: chosen.id }) : Promise.resolve([]),
    listPublishedInputs({ roundId: chosen?.id, consultationSlug: consultation, theme, q: search, after }),
  ]);
  const names = Object.fromEntries(
    await Promise.all(consultations.map(async (c) => [c.slug, (await regionNames(c)).region] as const)),
  );
  const q = (extra: Record<string, string | undefined>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({
      round: roundSlug,
      q: search,
      consultation,
      theme: theme ? String(theme) : undefined,
      ...extra,
    }))
      if (v) p.set(k, v);
    const s = p.toString();
    return s ? `?${s}` : "";
  };
  return (
    <>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 max-w-3xl">{t("lead")}</p>
      <form method="get" className="mt-4 flex flex-wrap items-end gap-3" role="search" aria-label={t("filters")}>
        <SearchField
          id="public-search"
          hintId="public-search-hint"
          label={tp("search")}
          hint={tp("searchHint")}
          defaultValue={search ?? ""}
        />
        {rounds.length > 1 ? (
          <FilterSelect
            name="round"
            label={tp("round")}
            defaultValue={chosen?.slug}
            options={rounds.map((r) => ({ value: r.slug, label: r.name }))}
          />
        ) : null}
        <FilterSelect
          name="consultation"
          label={tp("region")}
          defaultValue={consultation}
          options={consultations.map((c) => ({ value: c.slug, label: names[c.slug] ?? "" }))}
          any={t("all")}
        />
        <FilterSelect
          name="theme"
          label={t("theme")}
          defaultValue={theme}
          options={themes.map((th) => ({ value: String(th.id), label: th.short }))}
          any={t("all")}
          width="max-w-xs"
        />
        <button type="submit" className="rounded bg-brand px-4 py-1 text-white">
          {t("apply")}
        </button>
        {search || consultation || theme ? (
          <LocaleLink href="/inputs" className="text-sm underline">
            {tp("clear")}
          </LocaleLink>
        ) : null}
      </form>
      {page.rows.length === 0 ? (
        <p className="mt-6">{search || consultation || theme ? tp("noMatch") : t("empty")}</p>
      ) : null}
      <ul className="mt-6 space-y-6">
        {page.rows.map((r) => (
          <li key={r.id} className="rounded border border-slate-300 p-4" data-testid="public-input">
            <p className="text-sm text-slate-700">
              {names[r.consultation.slug] ?? r.consultation.region} · <bdi>{r.reference}</bdi> ·{" "}
              {format.dateTime(r.publishedAt, { dateStyle: "medium" })}
            </p>
            <h2
              className="mt-1 text-xl font-semibold"
              dir="auto"
              lang={r.language === "other" ? undefined : r.language}
            >
              <LocaleLink href={`/inputs/${encodeURIComponent(r.reference)}`} className="text-brand underline">
                {r.title}
              </LocaleLink>
            </h2>
            <p className="text-sm" data-testid="public-input-author">
              {r.organisation
                ? t("by", { organisation: r.organisation.name, country: countryName(locale, r.organisation.country) })
                : t("anonymous")}
            </p>
            <p className="mt-1 text-sm">
              {r.themes.map((n) => themes.find((th) => th.id === n)?.short ?? n).join(" · ")}
            </p>
            <p className="mt-2 whitespace-pre-line" dir="auto" lang={r.language === "other" ? undefined : r.language}>
              {r.summary}
            </p>
            {r.recommendations.length ? (
              <ol className="mt-2 list-decimal ps-6" dir="auto" lang={r.language === "other" ? undefined : r.language}>
                {r.recommendations.map((rec, i) => (
                  <li key={i}>{rec}</li>
                ))}
              </ol>
            ) : null}
          </li>
        ))}
      </ul>
      {page.nextCursor ? (
        <p className="mt-4">
          <LocaleLink href={`/inputs${q({ after: page.nextCursor })}`} className="underline">
            {t("more")}
          </LocaleLink>
        </p>
      ) : null}
    </>
  );
}
