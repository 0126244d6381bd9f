import { getTranslations } from "next-intl/server";
import { BarChart } from "@/components/bar-chart";
import type { AppLocale } from "@/lib/i18n/config";
import { countryName, formatNumber, languageNames } from "@/lib/i18n/format";
import type { ThemeLabel } from "@/lib/i18n/theme-labels";
import type { Overview } from "@/lib/moderation/queue";
import { ORGANISATION_TYPES, QUEUE_STATUSES } from "@/lib/moderation/schemas";

/**
 * The anchors' overview, drawn: inputs by status, theme, country and type of organisation, by
 * language, and registrations against capacity. Every bar names its number and links to the queue
 * filtered by it (`queueHref` builds that link).
 */
export async function ModerationOverview({
  overview,
  themes,
  locale,
  queueHref,
}: {
  overview: Overview;
  themes: ThemeLabel[];
  locale: AppLocale;
  queueHref: (filter: Record<string, string>) => string;
}) {
  const [t, ta, ts, to] = await Promise.all([
    getTranslations("moderation"),
    getTranslations("anchor"),
    getTranslations("mySubmissions"),
    getTranslations("organisation"),
  ]);
  const n = (v: number) => formatNumber(locale, v);
  const langs = languageNames(locale);
  const empty = ta("chartEmpty");
  const regs = overview.registrations;
  return (
    <>
      <p className="mt-1 text-sm text-slate-700">{ta("chartsLead")}</p>
      <div className="mt-2 grid gap-4 sm:grid-cols-2 xl:grid-cols-3" data-testid="overview">
        <BarChart
          caption={t("byStatus")}
          testId="chart-status"
          empty={empty}
          formatValue={n}
          rows={QUEUE_STATUSES.map((s) => ({
            key: s,
            label: ts(`statuses.${s}`),
            value: overview.byStatus[s] ?? 0,
            href: queueHref({ status: s }),
          }))}
        />
        <BarChart
          caption={t("byTheme")}
          testId="chart-theme"
          empty={empty}
          formatValue={n}
          rows={themes.map((th) => ({
            key: String(th.id),
            label: th.short,
            title: th.name,
            value: overview.byTheme[String(th.id)] ?? 0,
            href: queueHref({ theme: String(th.id) }),
          }))}
        />
        <BarChart
          caption={t("byCountry")}
          testId="chart-country"
          empty={empty}
          formatValue={n}
          rows={overview.byCountry.slice(0, 10).map((r) => ({
            key: r.key,
            label: countryName(locale, r.key),
            value: r.n,
            href: queueHref({ country: r.key }),
          }))}
        />
        <BarChart
          caption={t("byOrgType")}
          testId="chart-org-type"
          empty={empty}
          formatValue={n}
          rows={ORGANISATION_TYPES.filter((o) => overview.byOrgType[o]).map((o) => ({
            key: o,
            label: to(`types.${o}`),
            value: overview.byOrgType[o] ?? 0,
            href: queueHref({ orgType: o }),
          }))}
        />
        <BarChart
          caption={t("byLanguage")}
          testId="chart-language"
          empty={empty}
          formatValue={n}
          rows={Object.entries(overview.byLanguage).map(([l, v]) => ({
            key: l,
            label: l === "other" ? t("otherLanguage") : (langs.of(l) ?? l),
            value: v,
            href: queueHref({ language: l }),
          }))}
        />
        <div className="space-y-4">
          {regs.capacity !== null ? (
            <BarChart
              caption={`${ta("seatsChart")}: ${t("seats", { taken: n(regs.seatsTaken), capacity: n(regs.capacity) })}`}
              testId="chart-seats"
              empty={empty}
              formatValue={n}
              max={Math.max(regs.capacity, regs.seatsTaken)}
              rows={[
                { key: "taken", label: ta("seatsTaken"), value: regs.seatsTaken },
                { key: "free", label: ta("seatsFree"), value: Math.max(0, regs.capacity - regs.seatsTaken) },
              ]}
            />
          ) : (
            <p className="rounded border border-slate-300 p-3 text-sm" data-testid="chart-seats">
              {t("seatsNoLimit", { taken: n(regs.seatsTaken) })}
            </p>
          )}
          <BarChart
            caption={ta("registrationsChart")}
            testId="chart-registrations"
            empty={empty}
            formatValue={n}
            rows={Object.entries(regs.byStatus).map(([k, v]) => ({
              key: k,
              label: t(`registrationStatus.${k}` as never),
              value: v,
            }))}
          />
        </div>
      </div>
    </>
  );
}
