import { getTranslations, setRequestLocale } from "next-intl/server";
import { ConsultationCards } from "@/components/consultation-cards";
import { listPublicConsultations } from "@/lib/consultations/queries";
import { isLocale, defaultLocale } from "@/lib/i18n/config";
import { LocaleLink as Link } from "@/components/locale-link";
import { Section } from "@/components/section";
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

      <Section
        id="list"
        title={t("listTitle", { round: round?.name ?? "" })}
        className="mt-8"
        headingClassName="text-2xl font-semibold"
      >
        <ConsultationCards consultations={consultations} locale={locale} testId="consultation-card" />
      </Section>

      {others.length ? (
        <Section id="other-rounds" title={t("otherRounds")} className="mt-8">
          <ul className="mt-2 list-disc ps-6">
            {others.map((r) => (
              <li key={r.id}>
                <Link href={`/rounds/${r.slug}`} className="text-brand underline">
                  {r.name}
                </Link>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </>
  );
}
