import { getTranslations } from "next-intl/server";
import { ExportLinks } from "@/components/export-links";
import { Forbidden } from "@/components/forbidden";
import { LocaleLink } from "@/components/locale-link";
import { Notice } from "@/components/notice";
import { loadOrDeny, requirePageActor } from "@/lib/auth/page";
import { defaultLocale, isLocale } from "@/lib/i18n/config";
import { ModerationOverview } from "@/components/moderation-overview";
import { Section } from "@/components/section";
import { languageNames } from "@/lib/i18n/format";
import { listThemeLabels } from "@/lib/i18n/theme-labels";
import { regionNames } from "@/lib/i18n/regions";
import { getOverviewForPage } from "@/lib/moderation/overview";
import { listQueue } from "@/lib/moderation/queue";
import { inputsByRegion } from "@/lib/moderation/regions";
import { queueFiltersSchema } from "@/lib/moderation/schemas";
import { getConsultationForModeration } from "@/lib/consultations/moderation";
import { roundForView } from "@/lib/rounds";
import { QueueFilterForm } from "./queue-filters";
import { QueueTable } from "./queue-table";
import { RegionCounts } from "./region-counts";

/**
 * The moderation queue of a consultation (its anchors) or of all consultations of a round (the
 * secretariat): links to the consultation's other pages, the downloads, the inputs per region (all
 * consultations), the overview, then the queue's filters, its table with the bulk actions and its pages.
 */
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

      {all ? <RegionCounts locale={locale} regions={regions} regionNamesById={regionNamesById} query={query} /> : null}

      <Section id="overview" title={t("overview")} className="mt-6">
        <ModerationOverview
          overview={overview}
          themes={themes}
          locale={locale}
          queueHref={(f) =>
            `/${locale}/moderation/${slug}?${new URLSearchParams(filters.round ? { round: filters.round, ...f } : f).toString()}#queue`
          }
        />
      </Section>

      <Section id="queue" title={t("queue")} className="mt-8">
        <QueueFilterForm
          slug={slug}
          locale={locale}
          all={all}
          rounds={view?.rounds ?? null}
          filters={filters}
          regions={regions}
          regionNamesById={regionNamesById}
          themes={themes}
          langName={langName}
          countries={overview.byCountry.map((c) => c.key)}
        />
        <p className="mt-3 text-sm" role="status" data-testid="queue-count">
          {queue.totalCapped ? t("countMoreThan", { total: queue.total }) : t("count", { total: queue.total })}
        </p>
        <QueueTable
          slug={slug}
          consultationId={consultationId}
          here={here}
          all={all}
          sort={filters.sort}
          rows={queue.rows}
          rowBase={rowBase}
          themes={themes}
          regionNamesById={regionNamesById}
          langName={langName}
        />
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
      </Section>
    </>
  );
}
