import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
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
        <div className="flex w-full max-w-md flex-col text-sm">
          <label htmlFor="public-search" className="font-medium">
            {tp("search")}
          </label>
          <span id="public-search-hint" className="text-xs text-slate-700">
            {tp("searchHint")}
          </span>
          <input
            id="public-search"
            type="search"
            name="q"
            defaultValue={search ?? ""}
            dir="auto"
            aria-describedby="public-search-hint"
            className="rounded border border-slate-500 px-2 py-1"
          />
        </div>
        {rounds.length > 1 ? (
          <label className="flex flex-col text-sm">
            <span className="font-medium">{tp("round")}</span>
            <select
              name="round"
              defaultValue={chosen?.slug ?? ""}
              className="rounded border border-slate-500 px-2 py-1"
            >
              {rounds.map((r) => (
                <option key={r.slug} value={r.slug}>
                  {r.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label className="flex flex-col text-sm">
          <span className="font-medium">{tp("region")}</span>
          <select
            name="consultation"
            defaultValue={consultation ?? ""}
            className="rounded border border-slate-500 px-2 py-1"
          >
            <option value="">{t("all")}</option>
            {consultations.map((c) => (
              <option key={c.slug} value={c.slug}>
                {names[c.slug]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          <span className="font-medium">{t("theme")}</span>
          <select
            name="theme"
            defaultValue={theme ? String(theme) : ""}
            className="max-w-xs rounded border border-slate-500 px-2 py-1"
          >
            <option value="">{t("all")}</option>
            {themes.map((th) => (
              <option key={th.id} value={th.id}>
                {th.short}
              </option>
            ))}
          </select>
        </label>
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
