import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { InputBody } from "@/components/input-body";
import { LocaleLink } from "@/components/locale-link";
import { Section } from "@/components/section";
import { defaultLocale, isLocale } from "@/lib/i18n/config";
import { countryName, formatNumber } from "@/lib/i18n/format";
import { countryList } from "@/lib/i18n/names";
import { regionNames } from "@/lib/i18n/regions";
import { listThemeLabels } from "@/lib/i18n/theme-labels";
import { NotFoundError } from "@/lib/errors";
import { getPublishedInput, type PublishedInputPage } from "@/lib/public/inputs";

const REFERENCE = /^[A-Z0-9]{2,20}(?:-[A-Z0-9]{1,20})*-\d{4,}$/;

async function load(reference: string): Promise<PublishedInputPage | null> {
  const ref = decodeURIComponent(reference);
  if (!REFERENCE.test(ref)) return null;
  return getPublishedInput({ reference: ref }).catch((e: unknown) => {
    if (e instanceof NotFoundError) return null;
    throw e;
  });
}

export async function generateMetadata({ params }: PageProps<"/[locale]/inputs/[reference]">): Promise<Metadata> {
  const { reference } = await params;
  const input = await load(reference);
  return { title: input?.title ?? (await getTranslations("publicInputs"))("title") };
}

/** One published input for anyone: full text, recommendations and (named inputs only) its files. */
export default async function PublishedInputPage({ params }: PageProps<"/[locale]/inputs/[reference]">) {
  const { locale: raw, reference } = await params;
  const locale = isLocale(raw) ? raw : defaultLocale;
  const input = await load(reference);
  if (!input) notFound();
  const [t, tp, ts, format, themes] = await Promise.all([
    getTranslations("publicInputs"),
    getTranslations("publicInput"),
    getTranslations("submission"),
    getFormatter(),
    listThemeLabels({ locale, roundId: input.consultation.roundId }),
  ]);
  const { region } = await regionNames({ slug: input.consultation.slug, region: input.consultation.region, city: "" });
  const lang = input.language === "other" ? undefined : input.language;
  return (
    <article>
      <p>
        <LocaleLink href={`/inputs?consultation=${input.consultation.slug}`} className="text-brand underline">
          {tp("backToList", { region })}
        </LocaleLink>
      </p>
      <p className="mt-2 text-sm text-slate-700">
        {region} · <bdi data-testid="public-reference">{input.reference}</bdi> ·{" "}
        {tp("publishedOn", { date: format.dateTime(input.publishedAt, { dateStyle: "long" }) })}
      </p>
      <h1 className="mt-1 text-3xl font-bold" dir="auto" lang={lang}>
        {input.title}
      </h1>
      <p className="mt-1" data-testid="public-input-author">
        {input.organisation
          ? t("by", { organisation: input.organisation.name, country: countryName(locale, input.organisation.country) })
          : t("anonymous")}
      </p>
      <dl className="mt-4 grid max-w-3xl grid-cols-[minmax(8rem,auto)_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-semibold">{tp("themes")}</dt>
        <dd>
          <ul>
            {input.themes.map((id) => (
              <li key={id}>{themes.find((th) => th.id === id)?.name ?? id}</li>
            ))}
          </ul>
        </dd>
        {input.countries.length ? (
          <>
            <dt className="font-semibold">{tp("countries")}</dt>
            <dd>{countryList(locale, input.countries)}</dd>
          </>
        ) : null}
      </dl>
      <Section id="summary" title={ts("fields.summary")} className="mt-6 max-w-3xl">
        <p className="mt-2 whitespace-pre-line" dir="auto" lang={lang}>
          {input.summary}
        </p>
      </Section>
      <Section id="fulltext" title={ts("fields.body")} className="mt-6 max-w-3xl" testId="public-body">
        <InputBody text={input.body} language={input.language} />
      </Section>
      {input.recommendations.length ? (
        <Section id="recommendations" title={tp("recommendations")} className="mt-6 max-w-3xl">
          <ol className="mt-2 list-decimal space-y-1 ps-6" dir="auto" lang={lang}>
            {input.recommendations.map((r, i) => (
              <li key={i} className="whitespace-pre-line">
                {r}
              </li>
            ))}
          </ol>
        </Section>
      ) : null}
      {input.attachments.length ? (
        <Section id="files" title={tp("attachments")} className="mt-6">
          <ul className="mt-2 space-y-1">
            {input.attachments.map((a) => (
              <li key={a.id} data-testid="public-attachment">
                <a href={`/api/public/attachments/${a.id}`} className="text-brand underline">
                  <bdi>{a.fileName}</bdi>
                </a>{" "}
                <span className="text-sm text-slate-700">
                  ({tp("fileSize", { kb: formatNumber(locale, Math.max(1, Math.round(a.size / 1024))) })})
                </span>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </article>
  );
}
