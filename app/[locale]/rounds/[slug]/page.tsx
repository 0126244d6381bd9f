import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ConsultationFacts, PhaseBadge } from "@/components/consultation-facts";
import { LocaleLink as Link } from "@/components/locale-link";
import { listPublicConsultations } from "@/lib/consultations/queries";
import { listThemes } from "@/lib/consultations/themes";
import { defaultLocale, isLocale } from "@/lib/i18n/config";
import { formatDateRange } from "@/lib/i18n/format";
import { regionNames } from "@/lib/i18n/regions";
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
  const [t, th, every, topics] = await Promise.all([
    getTranslations("rounds"),
    getTranslations("home"),
    listPublicConsultations(),
    listThemes({ locale, roundId: r.id }),
  ]);
  const consultations = every.filter((c) => c.roundId === r.id);
  const names = await Promise.all(consultations.map((c) => regionNames(c)));
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
      <section aria-labelledby="round-consultations" className="mt-6">
        <h2 id="round-consultations" className="text-2xl font-semibold">
          {t("consultations")}
        </h2>
        <ul className="mt-4 grid gap-4 md:grid-cols-2">
          {consultations.map((c, i) => (
            <li key={c.id} className="rounded border border-slate-300 p-4" data-testid="round-consultation">
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
                  aria-label={th("detailsFor", { region: names[i]?.region ?? c.region })}
                >
                  {th("details")}
                </Link>
              </p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="round-topics" className="mt-8">
        <h2 id="round-topics" className="text-2xl font-semibold">
          {t("topics")}
        </h2>
        <ol className="mt-2 space-y-1">
          {topics.map((x, i) => (
            <li key={x.id}>
              {x.group && x.group !== topics[i - 1]?.group ? <strong className="mt-2 block">{x.group}</strong> : null}
              {x.position}. {x.name}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
