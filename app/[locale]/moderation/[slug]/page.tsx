import { getFormatter, getTranslations } from "next-intl/server";
import { ExportLinks } from "@/components/export-links";
import { Forbidden } from "@/components/forbidden";
import { LocaleLink } from "@/components/locale-link";
import { Notice } from "@/components/notice";
import { loadOrDeny, requirePageActor } from "@/lib/auth/page";
import { defaultLocale, isLocale } from "@/lib/i18n/config";
import { countryOptions } from "@/lib/i18n/countries";
import { ModerationOverview } from "@/components/moderation-overview";
import { languageNames } from "@/lib/i18n/format";
import { listThemeLabels, themeShortName } from "@/lib/i18n/theme-labels";
import { regionNames } from "@/lib/i18n/regions";
import { getOverviewForPage } from "@/lib/moderation/overview";
import { listQueue } from "@/lib/moderation/queue";
import { inputsByRegion } from "@/lib/moderation/regions";
import { ORGANISATION_TYPES, QUEUE_STATUSES, queueFiltersSchema } from "@/lib/moderation/schemas";
import { getConsultationForModeration } from "@/lib/consultations/moderation";
import { roundForView } from "@/lib/rounds";
import { inputLanguages } from "@/lib/submissions/schemas";
import { bulkModerateAction } from "../actions";

const cell = "block py-1 sm:table-cell sm:py-2 sm:pe-3 align-top";

export default async function ModerationPage({ params, searchParams }: PageProps<"/[locale]/moderation/[slug]">) {
  const { locale: raw, slug } = await params;
  const locale = isLocale(raw) ? raw : defaultLocale;
  const sp = await searchParams;
  const actor = await requirePageActor(locale, `/moderation/${slug}`);
  const all = slug === "all";
  if (all && !actor.secretariat) return <Forbidden />;
  const c = all ? null : await loadOrDeny(() => getConsultationForModeration({ actor, slug }));
  if (!all && !c) return <Forbidden />;
  const consultationId = c?.id ?? null;
  const parsed = queueFiltersSchema.parse(sp);
  // All consultations (the secretariat): one round at a time, the current one unless the URL names another.
  const view = all ? await roundForView({ slug: parsed.round, locale, actor }) : null;
  const filters = all ? { ...parsed, round: view?.round?.slug } : { ...parsed, round: undefined };
  const roundId = c?.roundId ?? view?.round?.id ?? "";
  const [queue, overview, themes, regions] = await Promise.all([
    listQueue({ actor, consultationId, filters }),
    getOverviewForPage({ actor, consultationId, round: filters.round }),
    listThemeLabels({ locale, roundId }),
    // Each region's inputs, its name for the column and the filter.
    all ? inputsByRegion({ actor, roundId: view?.round?.id }) : Promise.resolve([]),
  ]);
  const t = await getTranslations("moderation");
  const ta = await getTranslations("anchor");
  const ts = await getTranslations("mySubmissions");
  const to = await getTranslations("organisation");
  const format = await getFormatter();
  const region = c ? (await regionNames(c)).region : t("allConsultations");
  const regionNamesById = new Map(
    await Promise.all(
      regions.map(
        async (r) => [r.id, (await regionNames({ slug: r.slug, region: r.region, city: "" })).region] as const,
      ),
    ),
  );
  const langs = languageNames(locale);
  const langName = (l: string) => (l === "other" ? t("otherLanguage") : (langs.of(l) ?? l));
  const query = (extra: Record<string, string | undefined>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filters, after: undefined, ...extra }))
      if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
    const s = q.toString();
    return s ? `?${s}` : "";
  };
  const here = `/${locale}/moderation/${slug}${query({ after: filters.after })}`;
  // Per page, not per row.
  const rowBase = `/${locale}/moderation/${all ? "all" : slug}/submissions/`;
  const [verified, unverified, registered, notRegistered] = [
    t("verified"),
    t("unverified"),
    t("registered"),
    t("notRegistered"),
  ];
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

  const tSynthesis = await getTranslations("synthesis");
  return (
    <>
      <Notice searchParams={sp} />
      <h1 className="text-3xl font-bold">{t("title", { region })}</h1>
      {c ? (
        <p className="mt-1 flex flex-wrap gap-x-6">
          <LocaleLink href={`/moderation/${slug}/registrations`} className="text-brand underline">
            {t("registrationsLink")}
          </LocaleLink>
          <LocaleLink href={`/moderation/${slug}/on-behalf`} className="text-brand underline">
            {t("enterOnBehalfLink")}
          </LocaleLink>
          <LocaleLink
            href={`/moderation/${slug}/synthesis`}
            className="text-brand underline"
            data-testid="synthesis-link"
          >
            {tSynthesis("link")}
          </LocaleLink>
        </p>
      ) : null}

      <ExportLinks slug={slug} locale={locale} filterQuery={query({})} />

      {all ? (
        <section aria-labelledby="by-region" className="mt-6">
          <h2 id="by-region" className="text-xl font-semibold">
            {t("byRegion")}
          </h2>
          <table className="mt-2 text-start text-sm" data-testid="by-region">
            <thead>
              <tr className="border-b">
                <th scope="col" className="pe-6 text-start">
                  {t("region")}
                </th>
                <th scope="col" className="pe-6 text-end">
                  {t("regionReceived")}
                </th>
                <th scope="col" className="pe-6 text-end">
                  {t("regionAccepted")}
                </th>
                <th scope="col" className="text-end">
                  {t("regionWaiting")}
                </th>
              </tr>
            </thead>
            <tbody>
              {regions.map((r) => (
                <tr key={r.id} className="border-b">
                  <th scope="row" className="pe-6 text-start font-normal">
                    <a href={`/${locale}/moderation/all${query({ region: r.slug })}`} className="text-brand underline">
                      {regionNamesById.get(r.id)}
                    </a>
                  </th>
                  <td className="pe-6 text-end">{format.number(r.received)}</td>
                  <td className="pe-6 text-end">{format.number(r.accepted)}</td>
                  <td className="text-end">{format.number(r.waiting)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="font-semibold">
                <th scope="row" className="pe-6 text-start">
                  {t("regionTotal")}
                </th>
                <td className="pe-6 text-end">{format.number(regions.reduce((a, r) => a + r.received, 0))}</td>
                <td className="pe-6 text-end">{format.number(regions.reduce((a, r) => a + r.accepted, 0))}</td>
                <td className="text-end">{format.number(regions.reduce((a, r) => a + r.waiting, 0))}</td>
              </tr>
            </tfoot>
          </table>
        </section>
      ) : null}

      <section aria-labelledby="overview" className="mt-6">
        <h2 id="overview" className="text-xl font-semibold">
          {t("overview")}
        </h2>
        <ModerationOverview
          overview={overview}
          themes={themes}
          locale={locale}
          queueHref={(f) =>
            `/${locale}/moderation/${slug}?${new URLSearchParams(filters.round ? { round: filters.round, ...f } : f).toString()}#queue`
          }
        />
      </section>

      <section aria-labelledby="queue" className="mt-8">
        <h2 id="queue" className="text-xl font-semibold">
          {t("queue")}
        </h2>
        <form method="get" className="mt-2 flex flex-wrap items-end gap-3" role="search" aria-label={t("filters")}>
          {all && view ? (
            <label className="flex flex-col text-sm">
              <span className="font-medium">{t("round")}</span>
              <select
                name="round"
                defaultValue={filters.round ?? ""}
                className="max-w-[16rem] rounded border border-slate-500 px-2 py-1"
                data-testid="round-filter"
              >
                {view.rounds.map((r) => (
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
        <p className="mt-3 text-sm" role="status" data-testid="queue-count">
          {queue.totalCapped ? t("countMoreThan", { total: queue.total }) : t("count", { total: queue.total })}
        </p>
        <form action={bulkModerateAction} className="mt-2">
          <input type="hidden" name="slug" value={slug} />
          <input type="hidden" name="consultationId" value={consultationId ?? ""} />
          <input type="hidden" name="back" value={here} />
          {c ? (
            <fieldset className="mb-3 rounded border border-slate-300 p-3 text-sm" data-testid="bulk-actions">
              <legend className="px-1 font-semibold">{t("bulkTitle")}</legend>
              <p className="text-slate-700">{ta("bulkHint")}</p>
              <div className="mt-2 flex flex-wrap items-end gap-2">
                <button
                  type="submit"
                  name="action"
                  value="accept"
                  formNoValidate
                  className="rounded border border-slate-600 px-3 py-1"
                >
                  {t("bulkAccept")}
                </button>
                <label className="flex flex-col">
                  <span>{t("bulkKeyword")}</span>
                  <input
                    name="keyword"
                    maxLength={60}
                    dir="auto"
                    className="rounded border border-slate-500 px-2 py-1"
                  />
                </label>
                <button
                  type="submit"
                  name="action"
                  value="keyword"
                  formNoValidate
                  className="rounded border border-slate-600 px-3 py-1"
                >
                  {ta("bulkKeywordAction")}
                </button>
              </div>
              <label className="mt-3 flex max-w-xl flex-col">
                <span>{ta("bulkMessage")}</span>
                <textarea
                  name="message"
                  rows={3}
                  maxLength={4000}
                  required
                  dir="auto"
                  className="rounded border border-slate-500 px-2 py-1"
                />
              </label>
              <div className="mt-2 flex flex-wrap gap-2">
                <button
                  type="submit"
                  name="action"
                  value="requestChanges"
                  className="rounded border border-slate-600 px-3 py-1"
                >
                  {ta("bulkRequestChanges")}
                </button>
                <button
                  type="submit"
                  name="action"
                  value="reject"
                  className="rounded border border-red-800 px-3 py-1 text-red-800"
                >
                  {ta("bulkReject")}
                </button>
              </div>
            </fieldset>
          ) : null}
          <table className="w-full text-start text-sm" data-testid="queue-table">
            <caption className="sr-only">
              {filters.sort === "oldest" ? ta("queueCaptionOldest") : ta("queueCaption")}
            </caption>
            <thead className="sr-only sm:not-sr-only">
              <tr className="border-b-2 border-slate-400">
                {c ? (
                  <th scope="col" className="w-8 py-2 text-start">
                    <span className="sr-only">{t("select")}</span>
                  </th>
                ) : null}
                <th scope="col" className="py-2 pe-3 text-start">
                  {t("reference")}
                </th>
                {all ? (
                  <th scope="col" className="py-2 pe-3 text-start">
                    {t("region")}
                  </th>
                ) : null}
                <th scope="col" className="py-2 pe-3 text-start">
                  {t("inputTitle")}
                </th>
                <th scope="col" className="py-2 pe-3 text-start">
                  {t("organisation")}
                </th>
                <th scope="col" className="py-2 pe-3 text-start">
                  {t("status")}
                </th>
                <th scope="col" className="py-2 text-start">
                  {t("submitted")}
                </th>
              </tr>
            </thead>
            <tbody>
              {queue.rows.map((r) => (
                <tr
                  key={r.id}
                  className="block border-b border-slate-300 py-2 even:bg-slate-50 sm:table-row sm:py-0"
                  data-testid="queue-row"
                >
                  {c ? (
                    <td className={`${cell} float-end sm:float-none`}>
                      <input
                        type="checkbox"
                        name="selected"
                        value={`${r.id}:${r.version}`}
                        aria-label={t("selectRow", { reference: r.reference ?? "" })}
                        className="h-5 w-5"
                      />
                    </td>
                  ) : null}
                  <td className={cell}>
                    <span className="font-medium sm:hidden">{t("reference")}: </span>
                    <span dir="ltr" className="whitespace-nowrap font-mono">
                      {r.reference}
                    </span>
                  </td>
                  {all ? (
                    <td className={cell}>
                      <span className="font-medium sm:hidden">{t("region")}: </span>
                      <span data-testid="queue-region">{regionNamesById.get(r.consultationId)}</span>
                    </td>
                  ) : null}
                  {/* 50 rows: plain links keep the render and the page small. */}
                  <td className={cell}>
                    <a href={`${rowBase}${r.id}`} className="font-medium text-brand underline" dir="auto">
                      {r.title}
                    </a>
                    <span className="block text-xs text-slate-700">
                      {r.themes.map((n) => themeShortName(themes, n)).join(" · ")}
                    </span>
                    <span className="block text-xs text-slate-700">
                      {langName(r.language)}
                      {r.keywords.length ? ` · ${r.keywords.join(", ")}` : ""}
                    </span>
                  </td>
                  <td className={cell}>
                    <span className="font-medium sm:hidden">{t("organisation")}: </span>
                    <bdi>{r.organisation.name}</bdi>
                    <span className="block text-xs text-slate-700">
                      {`${to(`types.${r.organisation.type}` as never)} · ${r.organisation.verified ? verified : unverified} · ${r.organisation.registered ? registered : notRegistered}`}
                    </span>
                  </td>
                  <td className={cell}>
                    <span className="font-medium sm:hidden">{t("status")}: </span>
                    {ts(`statuses.${r.status}` as never)}
                    {r.channel !== "web" ? (
                      <span className="block text-xs text-slate-700" data-testid="queue-channel">
                        {t("receivedBy", { channel: r.channel })}
                      </span>
                    ) : null}
                  </td>
                  <td className={cell}>
                    <span className="font-medium sm:hidden">{t("submitted")}: </span>
                    {r.submittedAt ? format.dateTime(r.submittedAt, { dateStyle: "medium" }) : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </form>
        <nav aria-label={t("pagination")} className="mt-3 flex gap-4">
          {filters.after ? (
            <LocaleLink href={`/moderation/${slug}${query({})}`} className="underline">
              {t("firstPage")}
            </LocaleLink>
          ) : null}
          {queue.nextCursor ? (
            <LocaleLink
              href={`/moderation/${slug}${query({ after: queue.nextCursor })}`}
              className="underline"
              data-testid="next-page"
            >
              {t("nextPage")}
            </LocaleLink>
          ) : null}
        </nav>
      </section>
    </>
  );
}
