import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ConsultationCards } from "@/components/consultation-cards";
import { LocaleLink as Link } from "@/components/locale-link";
import { Section } from "@/components/section";
import { listPublicConsultations } from "@/lib/consultations/queries";
import { listThemes } from "@/lib/consultations/themes";
import { defaultLocale, isLocale } from "@/lib/i18n/config";
import { formatDateRange } from "@/lib/i18n/format";
import { getPublicRound } from "@/lib/rounds";

const SLUG = /^[a-z0-9-]{2,20}$/;

export async function generateMetadata({ params }: PageProps<"/[locale]/rounds/[slug]">): Promise<Metadata> {
  const { locale: raw, slug } = await params;
  const locale = isLocale(raw) ? raw : defaultLocale;
  const r = SLUG.test(slug) ? await getPublicRound({ slug, locale }) : null;
  return r ? { title: r.name } : {};
}

/** A round as it was (or is): its consultations, its topics, and a link to its published inputs. */
export default async function RoundPage({ params }: PageProps<"/[locale]/rounds/[slug]">) {
  const { locale: raw, slug } = await params;
  const locale = isLocale(raw) ? raw : defaultLocale;
  setRequestLocale(locale);
  const r = SLUG.test(slug) ? await getPublicRound({ slug, locale }) : null;
  if (!r) notFound();
  const [t, every, topics] = await Promise.all([
    getTranslations("rounds"),
    listPublicConsultations(),
    listThemes({ locale, roundId: r.id }),
  ]);
  const consultations = every.filter((c) => c.roundId === r.id);
  return (
    <>
      <p>
        <Link href="/" className="text-brand underline underline-offset-2">
          {t("backHome")}
        </Link>
      </p>
      <h1 className="mt-4 text-3xl font-bold">{r.name}</h1>
      <p className="mt-1 text-lg text-slate-700">
        {formatDateRange(locale, r.startsOn, r.endsOn)} · {t(`status.${r.status}`)}
      </p>
      <p className="mt-3">
        <Link href={`/inputs?round=${r.slug}`} className="font-medium text-brand underline" data-testid="round-inputs">
          {t("publishedInputs")}
        </Link>
      </p>
      <Section
        id="round-consultations"
        title={t("consultations")}
        className="mt-6"
        headingClassName="text-2xl font-semibold"
      >
        <ConsultationCards consultations={consultations} locale={locale} testId="round-consultation" />
      </Section>
      <Section id="round-topics" title={t("topics")} className="mt-8" headingClassName="text-2xl font-semibold">
        <ol className="mt-2 space-y-1">
          {topics.map((x, i) => (
            <li key={x.id}>
              {x.group && x.group !== topics[i - 1]?.group ? <strong className="mt-2 block">{x.group}</strong> : null}
              {x.position}. {x.name}
            </li>
          ))}
        </ol>
      </Section>
    </>
  );
}
