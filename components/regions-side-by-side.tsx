import { getTranslations } from "next-intl/server";
import type { AppLocale } from "@/lib/i18n/config";
import { formatNumber } from "@/lib/i18n/format";
import type { ThemeLabel } from "@/lib/i18n/theme-labels";
import type { RegionColumn } from "@/lib/moderation/regions";
import { QUEUE_STATUSES } from "@/lib/moderation/schemas";
import { REGISTRATION_STATUSES } from "@/lib/registrations/schemas";
import { Section } from "@/components/section";

/**
 * The secretariat's one table of the seven regions: a column per region (its name links to its
 * moderation page), a row per figure, and a last column adding them up. Each count is also a small
 * bar scaled to the largest region's, so the regions compare at a glance; on a phone the table
 * scrolls sideways inside its own frame, the first column staying readable.
 */
export async function RegionsSideBySide({
  regions,
  names,
  themes,
  locale,
}: {
  regions: RegionColumn[];
  names: Record<string, string>;
  themes: ThemeLabel[];
  locale: AppLocale;
}) {
  const [t, ts, tm] = await Promise.all([
    getTranslations("regionsOverview"),
    getTranslations("mySubmissions"),
    getTranslations("moderation"),
  ]);
  const n = (v: number) => formatNumber(locale, v);
  const sum = (f: (r: RegionColumn) => number) => regions.reduce((a, r) => a + f(r), 0);
  const row = (
    key: string,
    label: string,
    value: (r: RegionColumn) => number,
    title?: string,
    href?: (r: RegionColumn) => string,
  ) => {
    const max = Math.max(1, ...regions.map(value));
    return (
      <tr key={key} className="border-b border-slate-200" data-testid={`regions-row-${key}`}>
        <th scope="row" className="sticky start-0 bg-white py-1 pe-3 text-start font-normal" title={title}>
          {label}
        </th>
        {regions.map((r) => (
          <td key={r.id} className="px-2 py-1 text-end tabular-nums">
            {href ? (
              <a href={href(r)} className="text-brand underline">
                {n(value(r))}
              </a>
            ) : (
              n(value(r))
            )}
            <svg
              aria-hidden="true"
              focusable="false"
              viewBox="0 0 100 4"
              preserveAspectRatio="none"
              className="mt-0.5 block h-1 w-full rtl:-scale-x-100"
            >
              <rect x="0" y="0" width={Math.round((value(r) / max) * 100)} height="4" className="fill-brand" />
            </svg>
          </td>
        ))}
        <td className="px-2 py-1 text-end font-semibold tabular-nums">{n(sum(value))}</td>
      </tr>
    );
  };
  const group = (label: string) => (
    <tr className="bg-slate-100">
      <th scope="rowgroup" colSpan={regions.length + 2} className="sticky start-0 py-1 text-start">
        {label}
      </th>
    </tr>
  );
  const queue = (r: RegionColumn, q: string) => `/${locale}/moderation/${r.slug}?${q}#queue`;
  return (
    <Section id="regions-overview" title={t("title")} className="mt-10">
      <p className="mt-1 max-w-3xl text-sm">{t("lead")}</p>
      <div className="mt-3 overflow-x-auto" role="region" aria-labelledby="regions-overview" tabIndex={0}>
        <table className="min-w-full text-sm" data-testid="regions-overview">
          <caption className="sr-only">{t("caption")}</caption>
          <thead>
            <tr className="border-b-2 border-slate-400 align-bottom">
              <th scope="col" className="sticky start-0 bg-white py-1 pe-3 text-start">
                {t("measure")}
              </th>
              {regions.map((r) => (
                <th key={r.id} scope="col" className="px-2 py-1 text-end">
                  <a href={`/${locale}/moderation/${r.slug}`} className="text-brand underline">
                    {names[r.id] ?? r.region}
                    <span className="sr-only">{t("openRegion")}</span>
                  </a>
                </th>
              ))}
              <th scope="col" className="px-2 py-1 text-end">
                {t("total")}
              </th>
            </tr>
          </thead>
          <tbody>
            {row(
              "total",
              t("inputs"),
              (r) => r.total,
              undefined,
              (r) => `/${locale}/moderation/${r.slug}#queue`,
            )}
          </tbody>
          <tbody>
            {group(t("byStatus"))}
            {QUEUE_STATUSES.map((s) =>
              row(
                s,
                ts(`statuses.${s}`),
                (r) => r.byStatus[s] ?? 0,
                undefined,
                (r) => queue(r, `status=${s}`),
              ),
            )}
          </tbody>
          <tbody>
            {group(t("byTheme"))}
            {themes.map((th) =>
              row(
                `theme-${th.id}`,
                th.short,
                (r) => r.byTheme[String(th.id)] ?? 0,
                th.name,
                (r) => queue(r, `theme=${th.id}`),
              ),
            )}
          </tbody>
          <tbody>
            {group(t("registrations"))}
            {REGISTRATION_STATUSES.map((k) =>
              row(`registrations-${k}`, tm(`registrationStatus.${k}`), (r) => r.registrations[k] ?? 0),
            )}
            <tr className="border-b border-slate-200" data-testid="regions-row-seats">
              <th scope="row" className="sticky start-0 bg-white py-1 pe-3 text-start font-normal">
                {t("seats")}
              </th>
              {regions.map((r) => (
                <td key={r.id} className="px-2 py-1 text-end tabular-nums">
                  {r.capacity === null
                    ? t("noLimit", { taken: n(r.seatsTaken) })
                    : t("seatsOf", { taken: n(r.seatsTaken), capacity: n(r.capacity) })}
                  {r.capacity ? (
                    <svg
                      aria-hidden="true"
                      focusable="false"
                      viewBox="0 0 100 4"
                      preserveAspectRatio="none"
                      className="mt-0.5 block h-1 w-full rtl:-scale-x-100"
                    >
                      <rect x="0" y="0" width="100" height="4" className="fill-slate-200" />
                      <rect
                        x="0"
                        y="0"
                        width={Math.min(100, Math.round((r.seatsTaken / r.capacity) * 100))}
                        height="4"
                        className="fill-brand"
                      />
                    </svg>
                  ) : null}
                </td>
              ))}
              <td className="px-2 py-1 text-end font-semibold tabular-nums">{n(sum((r) => r.seatsTaken))}</td>
            </tr>
          </tbody>
        </table>
      </div>
    </Section>
  );
}
