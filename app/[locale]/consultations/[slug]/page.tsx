import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ConsultationFacts, PhaseBadge } from "@/components/consultation-facts";
import { getPublicConsultation } from "@/lib/consultations/queries";
import { listThemes } from "@/lib/consultations/themes";
import { getPublishedContribution } from "@/lib/synthesis";
import { ContributionSections } from "@/components/contribution-sections";
import { defaultLocale, isLocale } from "@/lib/i18n/config";
import { LocaleLink as Link } from "@/components/locale-link";
import { Section } from "@/components/section";
import { regionNames } from "@/lib/i18n/regions";
import { roundOfConsultation } from "@/lib/rounds";

export async function generateMetadata({ params }: PageProps<"/[locale]/consultations/[slug]">): Promise<Metadata> {
  const { slug } = await params;
  const c = await getPublicConsultation({ slug });
  if (!c) return {};
  const { region } = await regionNames(c);
  return { title: region };
}

export default async function ConsultationPage({ params }: PageProps<"/[locale]/consultations/[slug]">) {
  const { locale: raw, slug } = await params;
  const locale = isLocale(raw) ? raw : defaultLocale;
  setRequestLocale(locale);
  const c = await getPublicConsultation({ slug });
  if (!c) notFound();
  const [t, themes, names, round, contribution, tSyn] = await Promise.all([
    getTranslations("consultation"),
    listThemes({ locale, roundId: c.roundId }),
    regionNames(c),
    roundOfConsultation({ consultationId: c.id }),
    getPublishedContribution({ consultationId: c.id, locale }),
    getTranslations("synthesis"),
  ]);
  return (
    <>
      <p>
        <Link href="/" className="text-brand underline underline-offset-2">
          {t("backToList")}
        </Link>
      </p>
      <div className="mt-4 flex flex-wrap items-baseline gap-3">
        <h1 className="text-3xl font-bold">{names.region}</h1>
        <PhaseBadge phase={c.phase} />
      </div>
      <p className="mt-1 text-lg text-slate-700">{t("consultationIn", { city: names.city })}</p>
      <section className="mt-6 max-w-3xl">
        <ConsultationFacts c={c} locale={locale} full />
      </section>
      {c.status === "open" ? (
        <p className="mt-6 flex flex-wrap gap-4">
          <Link
            href={`/consultations/${c.slug}/register`}
            className="rounded bg-brand px-4 py-2 font-semibold text-white"
          >
            {t("register")}
          </Link>
          {c.phase === "open" ? (
            <Link
              href={`/consultations/${c.slug}/submit`}
              className="rounded border-2 border-brand px-4 py-2 font-semibold text-brand"
            >
              {t("submit")}
            </Link>
          ) : null}
        </p>
      ) : null}
      <Section id="themes" title={t("themesTitle")} className="mt-8 max-w-3xl">
        <p className="mt-2">{round?.slug === "2017" ? t("themesLead") : t("topicsLead")}</p>
        <ol className="mt-3 list-decimal space-y-2 ps-6">
          {themes.map((th) => (
            // The topic's own number in its round (the Compact's objective 23 stays 23 under its round table).
            <li key={th.id} value={th.position}>
              {th.name}
              {th.group ? <span className="text-sm text-slate-700"> ({th.group})</span> : null}
            </li>
          ))}
        </ol>
      </Section>
      {contribution ? (
        <Section
          id="contribution"
          title={tSyn("published")}
          className="mt-10 max-w-3xl"
          headingClassName="text-2xl font-semibold"
          testId="published-contribution"
        >
          <p className="mt-2">{tSyn("publishedIntro")}</p>
          {contribution.contribution.finalisedAt ? (
            <p className="mt-1 text-sm text-slate-700">
              {tSyn("publishedOn", {
                date: new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(
                  contribution.contribution.finalisedAt,
                ),
              })}
            </p>
          ) : null}
          <ContributionSections
            view={contribution}
            locale={locale}
            headingLevel={3}
            hideEmpty
            link={() => null}
            inputHref={(_id, cited) =>
              cited.published && cited.reference ? `/${locale}/inputs/${cited.reference}` : null
            }
          />
        </Section>
      ) : null}
    </>
  );
}
