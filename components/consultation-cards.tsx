import { getTranslations } from "next-intl/server";
import { ConsultationFacts, PhaseBadge } from "@/components/consultation-facts";
import { LocaleLink as Link } from "@/components/locale-link";
import type { PublicConsultation } from "@/lib/consultations/queries";
import type { AppLocale } from "@/lib/i18n/config";
import { regionNames } from "@/lib/i18n/regions";

/** Consultations as cards (the home page's round and a past round): region, phase, facts and a link to each. */
export async function ConsultationCards({
  consultations,
  locale,
  testId,
}: {
  consultations: PublicConsultation[];
  locale: AppLocale;
  /** Each card's data-testid. */
  testId: string;
}) {
  const [t, names] = await Promise.all([
    getTranslations("home"),
    Promise.all(consultations.map((c) => regionNames(c))),
  ]);
  return (
    <ul className="mt-4 grid gap-4 md:grid-cols-2">
      {consultations.map((c, i) => (
        <li key={c.id} className="rounded border border-slate-300 p-4" data-testid={testId}>
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h3 className="text-lg font-semibold">{names[i]?.region}</h3>
            <PhaseBadge phase={c.phase} />
          </div>
          <div className="mt-2">
            <ConsultationFacts c={c} locale={locale} />
          </div>
          <p className="mt-3">
            <Link
              href={`/consultations/${c.slug}`}
              className="font-medium text-brand underline underline-offset-2"
              aria-label={t("detailsFor", { region: names[i]?.region ?? c.region })}
            >
              {t("details")}
            </Link>
          </p>
        </li>
      ))}
    </ul>
  );
}
