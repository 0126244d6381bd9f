import { getFormatter, getTranslations } from "next-intl/server";
import { ExportLinks } from "@/components/export-links";
import { Forbidden } from "@/components/forbidden";
import { LocaleLink } from "@/components/locale-link";
import { Notice } from "@/components/notice";
import { loadOrDeny, requirePageActor } from "@/lib/auth/page";
import { listThemes } from "@/lib/consultations/themes";
import { defaultLocale, isLocale } from "@/lib/i18n/config";
import { countryOptions } from "@/lib/i18n/countries";
import { countryName, languageNames } from "@/lib/i18n/format";
import { regionNames } from "@/lib/i18n/regions";
import { getOverviewForPage } from "@/lib/moderation/overview";
import { listQueue } from "@/lib/moderation/queue";
import { inputsByRegion } from "@/lib/moderation/regions";
import { queueFiltersSchema } from "@/lib/moderation/schemas";
import { getConsultationForModeration } from "@/lib/registrations";
import { inputLanguages } from "@/lib/submissions/schemas";
import { bulkModerateAction } from "../actions";

const STATUSES = ["submitted", "changes_requested", "accepted", "rejected", "duplicate", "withdrawn"] as const;
const ORG_TYPES = ["ngo", "migrant_led", "diaspora", "grassroots", "trade_union", "faith_based", "academia", "other"] as const;

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
  const filters = queueFiltersSchema.parse(sp);
  const [queue, overview, themes, regions] = await Promise.all([
    listQueue({ actor, consultationId, filters }),
    getOverviewForPage({ actor, consultationId }),
    listThemes({ locale }),
    // All consultations (the secretariat): each region's inputs, its name for the column and the filter.
    all ? inputsByRegion({ actor }) : Promise.resolve([]),
  ]);
  const t = await getTranslations("moderation");
  const ts = await getTranslations("mySubmissions");
  const to = await getTranslations("organisation");
  const format = await getFormatter();
  const region = c ? (await regionNames(c)).region : t("allConsultations");
  const regionNamesById = new Map(await Promise.all(regions.map(async (r) => [r.id, (await regionNames({ slug: r.slug, region: r.region, city: "" })).region] as const)));
  const langs = languageNames(locale);
  const langName = (l: string) => (l === "other" ? t("otherLanguage") : (langs.of(l) ?? l));
  const query = (extra: Record<string, string | undefined>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filters, after: undefined, ...extra })) if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
    const s = q.toString();
    return s ? `?${s}` : "";
  };
  const here = `/${locale}/moderation/${slug}${query({ after: filters.after })}`;
  // Per page, not per row.
  const rowBase = `/${locale}/moderation/${all ? "all" : slug}/submissions/`;
  const themeLabels = new Map(themes.map((th) => [th.id, t("themeN", { n: th.id })]));
  const themeLabel = (n: number) => themeLabels.get(n) ?? t("themeN", { n });
  const [verified, unverified, registered, notRegistered] = [t("verified"), t("unverified"), t("registered"), t("notRegistered")];
  const select = (name: string, label: string, value: string | number | undefined, options: { value: string; label: string }[]) => (
    <label className="flex flex-col text-sm">
      <span className="font-medium">{label}</span>
      <select name={name} defaultValue={value === undefined ? "" : String(value)} className="rounded border border-slate-500 px-2 py-1">
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
                <th scope="col" className="pe-6 text-start">{t("region")}</th>
                <th scope="col" className="pe-6 text-end">{t("regionReceived")}</th>
                <th scope="col" className="pe-6 text-end">{t("regionAccepted")}</th>
                <th scope="col" className="text-end">{t("regionWaiting")}</th>
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
                <th scope="row" className="pe-6 text-start">{t("regionTotal")}</th>
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
        <div className="mt-2 grid gap-4 text-sm sm:grid-cols-2 lg:grid-cols-3" data-testid="overview">
          <div className="rounded border border-slate-300 p-3">
            <h3 className="font-semibold">{t("byStatus")}</h3>
            <ul>
            {STATUSES.map((s) => (
              <li key={s}>
                {ts(`statuses.${s}`)}: {overview.byStatus[s] ?? 0}
              </li>
            ))}
          </ul>
          </div>
          <div className="rounded border border-slate-300 p-3">
            <h3 className="font-semibold">{t("byTheme")}</h3>
            <ul>
            {themes.map((th) => (
              <li key={th.id} title={th.name}>
                {t("themeN", { n: th.id })}: {overview.byTheme[String(th.id)] ?? 0}
              </li>
            ))}
          </ul>
          </div>
          <div className="rounded border border-slate-300 p-3">
            <h3 className="font-semibold">{t("byOrgType")}</h3>
            <ul>
            {ORG_TYPES.filter((o) => overview.byOrgType[o]).map((o) => (
              <li key={o}>
                {to(`types.${o}`)}: {overview.byOrgType[o]}
              </li>
            ))}
          </ul>
          </div>
          <div className="rounded border border-slate-300 p-3">
            <h3 className="font-semibold">{t("byCountry")}</h3>
            <ul>
            {overview.byCountry.slice(0, 10).map((r) => (
              <li key={r.key}>
                {countryName(locale, r.key)}: {r.n}
              </li>
            ))}
          </ul>
          </div>
          <div className="rounded border border-slate-300 p-3">
            <h3 className="font-semibold">{t("byLanguage")}</h3>
            <ul>
            {Object.entries(overview.byLanguage).map(([l, n]) => (
              <li key={l}>
                {langName(l)}: {n}
              </li>
            ))}
          </ul>
          </div>
          <div className="rounded border border-slate-300 p-3">
            <h3 className="font-semibold">{t("registrations")}</h3>
            <ul>
            <li>{overview.registrations.capacity === null ? t("seatsNoLimit", { taken: overview.registrations.seatsTaken }) : t("seats", { taken: overview.registrations.seatsTaken, capacity: overview.registrations.capacity })}</li>
            {Object.entries(overview.registrations.byStatus).map(([k, n]) => (
              <li key={k}>
                {t(`registrationStatus.${k}` as never)}: {n}
              </li>
            ))}
          </ul>
          </div>
        </div>
      </section>

      <section aria-labelledby="queue" className="mt-8">
        <h2 id="queue" className="text-xl font-semibold">
          {t("queue")}
        </h2>
        <form method="get" className="mt-2 flex flex-wrap items-end gap-3" role="search" aria-label={t("filters")}>
          <label className="flex flex-col text-sm">
            <span className="font-medium">{t("search")}</span>
            <input type="search" name="q" defaultValue={filters.q ?? ""} dir="auto" className="rounded border border-slate-500 px-2 py-1" />
          </label>
          {all ? select("region", t("region"), filters.region, regions.map((r) => ({ value: r.slug, label: regionNamesById.get(r.id) ?? r.region }))) : null}
          {select("status", t("status"), filters.status, STATUSES.map((s) => ({ value: s, label: ts(`statuses.${s}`) })))}
          {select("theme", t("theme"), filters.theme, themes.map((th) => ({ value: String(th.id), label: t("themeN", { n: th.id }) })))}
          {select("orgType", t("orgType"), filters.orgType, ORG_TYPES.map((o) => ({ value: o, label: to(`types.${o}`) })))}
          {select("language", t("language"), filters.language, inputLanguages.map((l) => ({ value: l, label: langName(l) })))}
          {select("country", t("country"), filters.country, countryOptions(locale))}
          <label className="flex flex-col text-sm">
            <span className="font-medium">{t("from")}</span>
            <input type="date" name="from" defaultValue={filters.from ?? ""} className="rounded border border-slate-500 px-2 py-1" />
          </label>
          <label className="flex flex-col text-sm">
            <span className="font-medium">{t("to")}</span>
            <input type="date" name="to" defaultValue={filters.to ?? ""} className="rounded border border-slate-500 px-2 py-1" />
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
            <fieldset className="mb-2 flex flex-wrap items-end gap-2 text-sm">
              <legend className="font-medium">{t("bulkTitle")}</legend>
              <button type="submit" name="action" value="accept" className="rounded border border-slate-600 px-3 py-1">
                {t("bulkAccept")}
              </button>
              <label className="flex flex-col">
                <span>{t("bulkKeyword")}</span>
                <input name="keyword" maxLength={60} className="rounded border border-slate-500 px-2 py-1" />
              </label>
              <button type="submit" name="action" value="keyword" className="rounded border border-slate-600 px-3 py-1">
                {t("bulkAddKeyword")}
              </button>
            </fieldset>
          ) : null}
          <table className="w-full text-start text-sm">
            <thead>
              <tr className="border-b">
                {c ? (
                  <th scope="col" className="w-8">
                    <span className="sr-only">{t("select")}</span>
                  </th>
                ) : null}
                <th scope="col" className="text-start">{t("reference")}</th>
                {all ? <th scope="col" className="pe-2 text-start">{t("region")}</th> : null}
                <th scope="col" className="text-start">{t("inputTitle")}</th>
                <th scope="col" className="text-start">{t("organisation")}</th>
                <th scope="col" className="text-start">{t("status")}</th>
                <th scope="col" className="text-start">{t("submitted")}</th>
              </tr>
            </thead>
            <tbody>
              {queue.rows.map((r) => (
                <tr key={r.id} className="border-b align-top" data-testid="queue-row">
                  {c ? (
                    <td>
                      <input type="checkbox" name="selected" value={`${r.id}:${r.version}`} aria-label={t("selectRow", { reference: r.reference ?? "" })} />
                    </td>
                  ) : null}
                  <td dir="ltr">{r.reference}</td>
                  {all ? <td className="pe-2" data-testid="queue-region">{regionNamesById.get(r.consultationId)}</td> : null}
                  {/* 50 rows: plain links and one text node per line keep the render and the page small. */}
                  <td>
                    <a href={`${rowBase}${r.id}`} className="text-brand underline" dir="auto">
                      {r.title}
                    </a>
                    <span className="block text-xs text-slate-700">
                      {`${r.themes.map((n) => themeLabel(n)).join(", ")} · ${langName(r.language)}${r.keywords.length ? ` · ${r.keywords.join(", ")}` : ""}`}
                    </span>
                  </td>
                  <td dir="auto">
                    {r.organisation.name}
                    <span className="block text-xs text-slate-700">
                      {`${to(`types.${r.organisation.type}` as never)} · ${r.organisation.verified ? verified : unverified} · ${r.organisation.registered ? registered : notRegistered}`}
                    </span>
                  </td>
                  <td>
                    {ts(`statuses.${r.status}` as never)}
                    {r.channel !== "web" ? (
                      <span className="block text-xs text-slate-700" data-testid="queue-channel">
                        {t("receivedBy", { channel: r.channel })}
                      </span>
                    ) : null}
                  </td>
                  <td>{r.submittedAt ? format.dateTime(r.submittedAt, { dateStyle: "medium" }) : ""}</td>
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
            <LocaleLink href={`/moderation/${slug}${query({ after: queue.nextCursor })}`} className="underline" data-testid="next-page">
              {t("nextPage")}
            </LocaleLink>
          ) : null}
        </nav>
      </section>
    </>
  );
}
