import { getTranslations } from "next-intl/server";
import { InLanguages } from "@/components/export-links";
import { Forbidden } from "@/components/forbidden";
import { LocaleLink } from "@/components/locale-link";
import { Notice } from "@/components/notice";
import { loadOrDeny, requirePageActor } from "@/lib/auth/page";
import { listConsultationsForSecretariat } from "@/lib/consultations/admin";
import { defaultLocale, isLocale } from "@/lib/i18n/config";
import { RegionsSideBySide } from "@/components/regions-side-by-side";
import { TableHead } from "@/components/table-head";
import { Section } from "@/components/section";
import { formatDateRange } from "@/lib/i18n/format";
import { regionNames } from "@/lib/i18n/regions";
import { listThemeLabels } from "@/lib/i18n/theme-labels";
import { deadlineInZone } from "@/lib/i18n/zones";
import { getRegionsOverview } from "@/lib/moderation/regions";
import { roundForView } from "@/lib/rounds";
import { listContributions } from "@/lib/synthesis";

export default async function SecretariatPage({ params, searchParams }: PageProps<"/[locale]/secretariat">) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : defaultLocale;
  const actor = await requirePageActor(locale, "/secretariat");
  if (!actor.secretariat) return <Forbidden />;
  const sp = await searchParams;
  // One round at a time: the current one unless ?round= names another.
  const { round, rounds } = await roundForView({
    slug: typeof sp.round === "string" ? sp.round : undefined,
    locale,
    actor,
  });
  const rows = await loadOrDeny(() => listConsultationsForSecretariat({ actor, roundId: round?.id }));
  if (!rows) return <Forbidden />;
  const t = await getTranslations("secretariat");
  const tSyn = await getTranslations("synthesis");
  // The round shown's contributions only.
  const contributionRows = (await listContributions({ actor })).filter((r) =>
    rows.some((c) => c.id === r.consultationId),
  );
  const tc = await getTranslations("consultation");
  const te = await getTranslations("exports");
  const [names, regions, themes, deadlines] = await Promise.all([
    Promise.all(rows.map((c) => regionNames(c))),
    getRegionsOverview({ actor, roundId: round?.id }),
    round ? listThemeLabels({ locale, roundId: round.id }) : Promise.resolve([]),
    Promise.all(rows.map((c) => (c.submissionDeadline ? deadlineInZone(locale, c.submissionDeadline, c) : null))),
  ]);
  return (
    <>
      <Notice searchParams={sp} />
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      {round ? (
        <p className="mt-1 text-lg" data-testid="secretariat-round">
          {round.name}
        </p>
      ) : null}
      {rounds.length > 1 ? (
        <nav aria-label={t("roundSwitch")} className="mt-2 text-sm">
          <ul className="flex flex-wrap gap-3">
            {rounds.map((r) => (
              <li key={r.id}>
                {r.id === round?.id ? (
                  <strong aria-current="page">{r.name}</strong>
                ) : (
                  <LocaleLink href={`/secretariat?round=${r.slug}`} className="text-brand underline">
                    {r.name}
                  </LocaleLink>
                )}
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <p className="mt-2 flex flex-wrap gap-4">
        <LocaleLink href="/secretariat/rounds" className="text-brand underline">
          {t("roundsLink")}
        </LocaleLink>
        <LocaleLink
          href={round ? `/moderation/all?round=${round.slug}` : "/moderation/all"}
          className="text-brand underline"
        >
          {t("allInputs")}
        </LocaleLink>
        <LocaleLink href="/secretariat/exports" className="text-brand underline">
          {t("exportLog")}
        </LocaleLink>
      </p>
      <Section
        id="all-regions"
        title={te("allRegionsTitle")}
        className="mt-4 rounded border border-slate-300 p-3 text-sm"
        headingClassName="font-semibold"
        testId="all-regions-download"
      >
        <p className="text-slate-700">{te("allRegionsHint")}</p>
        <InLanguages
          label={te("allRegionsLanguages")}
          href={(l) => `/api/secretariat/export?locale=${l}${round ? `&round=${round.slug}` : ""}`}
          testId="all-regions"
        />
      </Section>
      <table className="mt-4 w-full text-start text-sm">
        <TableHead
          cellClassName="py-1 text-start"
          columns={[t("region"), tc("dates"), tc("submissionDeadline"), tc("capacity"), tc("status")]}
        />
        <tbody>
          {rows.map((c, i) => (
            <tr key={c.id} className="border-b">
              <td className="py-1">
                <LocaleLink href={`/secretariat/consultations/${c.slug}`} className="text-brand underline">
                  {names[i]?.region}
                </LocaleLink>
              </td>
              <td className="py-1">{formatDateRange(locale, c.startsOn, c.endsOn)}</td>
              <td className="py-1">
                {deadlines[i]
                  ? tc("deadlineInZone", { time: deadlines[i].deadline, zone: deadlines[i].zone })
                  : tc("noDeadline")}
              </td>
              <td className="py-1">{c.inPersonCapacity ?? tc("noCapacity")}</td>
              <td className="py-1">{t(`status.${c.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Section id="contributions" title={tSyn("secretariatTitle")} className="mt-8" testId="contributions">
        {contributionRows.length === 0 ? <p className="mt-2">{tSyn("secretariatNone")}</p> : null}
        {contributionRows.length > 0 ? (
          <p className="mt-2 flex flex-wrap gap-4">
            <a href={`/api/secretariat/compilation?format=docx&locale=${locale}`} className="text-brand underline">
              {tSyn("compilationDocx")}
            </a>
            <a href={`/api/secretariat/compilation?format=xlsx&locale=${locale}`} className="text-brand underline">
              {tSyn("compilationXlsx")}
            </a>
          </p>
        ) : null}
        {contributionRows.length === 0 ? null : (
          <ul className="mt-2 space-y-1">
            {contributionRows.map((r) => (
              <li key={r.consultationId} data-testid="contribution-row" data-status={r.status}>
                <LocaleLink href={`/moderation/${r.slug}/synthesis`} className="text-brand underline">
                  {names[rows.findIndex((c) => c.id === r.consultationId)]?.region ?? r.region}
                </LocaleLink>
                {": "}
                {tSyn(`status.${r.status}`)}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <RegionsSideBySide
        regions={regions}
        names={Object.fromEntries(rows.map((c, i) => [c.id, names[i]?.region ?? c.region]))}
        themes={themes}
        locale={locale}
      />
    </>
  );
}
