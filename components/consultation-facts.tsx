import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { PublicConsultation } from "@/lib/consultations/queries";
import type { AppLocale } from "@/lib/i18n/config";
import { regionNames } from "@/lib/i18n/regions";
import { countryName, formatDateRange, formatInstantInZone, formatNumber } from "@/lib/i18n/format";
import { zoneName } from "@/lib/i18n/zones";

/** The facts of one consultation as a description list (home cards and the detail page). */
export async function ConsultationFacts({
  c,
  locale,
  full = false,
}: {
  c: PublicConsultation;
  locale: AppLocale;
  full?: boolean;
}) {
  const t = await getTranslations("consultation");
  const { city } = await regionNames(c);
  const deadline = async (d: Date | null) =>
    d
      ? t("deadlineInZone", { time: formatInstantInZone(locale, d, c.timeZone), zone: await zoneName(locale, c, d) })
      : t("noDeadline");
  const rows: [string, string][] = [
    [t("dates"), formatDateRange(locale, c.startsOn, c.endsOn)],
    [t("location"), t("locationValue", { city, country: countryName(locale, c.country) })],
    [t("anchors"), c.anchors],
    [t("submissionDeadline"), await deadline(c.submissionDeadline)],
  ];
  if (full) {
    rows.push([t("registrationDeadline"), await deadline(c.registrationDeadline)]);
    rows.push([
      t("capacity"),
      c.inPersonCapacity === null || c.seatsLeft === null
        ? t("noCapacity")
        : t("seatsLeft", { left: c.seatsLeft, capacity: formatNumber(locale, c.inPersonCapacity) }),
    ]);
    // Named at the consultation's first day, when people will read their clocks by it.
    rows.push([t("timeZone"), await zoneName(locale, c, new Date(`${c.startsOn}T12:00:00Z`))]);
  }
  return (
    <dl className="grid grid-cols-[minmax(7rem,auto)_1fr] gap-x-4 gap-y-1 text-sm">
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="font-semibold text-slate-700">{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export function PhaseBadge({ phase }: { phase: PublicConsultation["phase"] }) {
  const t = useTranslations("phase");
  const tone =
    phase === "open"
      ? "bg-green-100 text-green-900"
      : phase === "closed"
        ? "bg-slate-200 text-slate-900"
        : "bg-amber-100 text-amber-900";
  return <span className={`inline-block rounded px-2 py-0.5 text-sm font-medium ${tone}`}>{t(phase)}</span>;
}
