import { getTranslations, setRequestLocale } from "next-intl/server";
import { ConsultationFacts, PhaseBadge } from "@/components/consultation-facts";
import { listPublicConsultations } from "@/lib/consultations/queries";
import { isLocale, defaultLocale } from "@/lib/i18n/config";
import { LocaleLink as Link } from "@/components/locale-link";
import { regionNames } from "@/lib/i18n/regions";
import { roundForView } from "@/lib/rounds";

export default async function HomePage({ params }: PageProps<"/[locale]">) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : defaultLocale;
  setRequestLocale(locale);
  const t = await getTranslations("home");
  // The current round (the latest open one, else the latest by period) with its consultations.
  const [{ round, rounds }, every] = await Promise.all([roundForView({ locale }), listPublicConsultations()]);
  const consultations = every.filter((c) => c.roundId === round?.id);
  const others = rounds.filter((r) => r.id !== round?.id);
  const names = await Promise.all(consultations.map((c) => regionNames(c)));
  return (
    <>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-3 max-w-3xl text-lg">{t("lead")}</p>

      <section aria-labelledby="purpose" className="mt-6 grid gap-6 md:grid-cols-2">
        <div>
          <h2 id="purpose" className="text-xl font-semibold">
            {t("purposeTitle")}
          </h2>
          <p className="mt-2">{t("purpose1")}</p>
          <p className="mt-2">{t("purpose2")}</p>
        </div>
        <div>
          <h2 className="text-xl font-semibold">{t("howTitle")}</h2>
          <ol className="mt-2 list-decimal space-y-1 ps-6">
            <li>{t("how1")}</li>
            <li>{t("how2")}</li>
            <li>{t("how3")}</li>
          </ol>
        </div>
      </section>

      <section aria-labelledby="list" className="mt-8">
        <h2 id="list" className="text-2xl font-semibold">
          {t("listTitle", { round: round?.name ?? "" })}
        </h2>
        <ul className="mt-4 grid gap-4 md:grid-cols-2">
          {consultations.map((c, i) => (
            <li key={c.id} className="rounded border border-slate-300 p-4" data-testid="consultation-card">
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
      </section>

      {others.length ? (
        <section aria-labelledby="other-rounds" className="mt-8">
          <h2 id="other-rounds" className="text-xl font-semibold">
            {t("otherRounds")}
          </h2>
          <ul className="mt-2 list-disc ps-6">
            {others.map((r) => (
              <li key={r.id}>
                <Link href={`/rounds/${r.slug}`} className="text-brand underline">
                  {r.name}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
