import { getFormatter, getTranslations } from "next-intl/server";
import type { AppLocale } from "@/lib/i18n/config";
import type { RegionCount } from "@/lib/moderation/regions";
import { TableHead } from "@/components/table-head";
import { Section } from "@/components/section";

/**
 * The secretariat's table of inputs per region on /moderation/all: received, accepted and waiting
 * for a decision, each region linking to the queue filtered by it, with the totals.
 */
export async function RegionCounts({
  locale,
  regions,
  regionNamesById,
  query,
}: {
  locale: AppLocale;
  regions: RegionCount[];
  regionNamesById: Map<string, string>;
  query: (extra: Record<string, string | undefined>) => string;
}) {
  const t = await getTranslations("moderation");
  const format = await getFormatter();
  return (
    <Section id="by-region" title={t("byRegion")} className="mt-6">
      <table className="mt-2 text-start text-sm" data-testid="by-region">
        <TableHead
          cellClassName="pe-6 text-end"
          columns={[
            { label: t("region"), className: "pe-6 text-start" },
            t("regionReceived"),
            t("regionAccepted"),
            { label: t("regionWaiting"), className: "text-end" },
          ]}
        />
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
    </Section>
  );
}
