import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/notice";
import { loadOrDeny } from "@/lib/auth/page";
import { languageName } from "@/lib/i18n/format";
import { regionNames } from "@/lib/i18n/regions";
import { getContribution } from "@/lib/synthesis";
import { ContributionSections } from "@/components/contribution-sections";
import { Section } from "@/components/section";
import { contributionStepAction } from "./actions";
import { loadModerationPage } from "../load";

/** The region's contribution as its anchors (and, once submitted, the secretariat) see it. */
export default async function SynthesisPage({
  params,
  searchParams,
}: PageProps<"/[locale]/moderation/[slug]/synthesis">) {
  const { locale, slug, actor, c } = await loadModerationPage(params, "/synthesis");
  const sp = await searchParams;
  if (!c) return null;
  const view = await loadOrDeny(() => getContribution({ actor, consultationId: c.id, locale }));
  if (!view) return null;
  const t = await getTranslations("synthesis");
  const { region } = await regionNames(c);
  const { contribution, can } = view;
  return (
    <>
      <Notice searchParams={sp} />
      <p>
        <Link href={`/${locale}/moderation/${slug}`} className="text-brand underline">
          {region}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{t("title", { region })}</h1>
      <p className="mt-2 max-w-prose">{t("intro")}</p>
      <p className="mt-4 font-semibold" data-testid="contribution-status" data-status={contribution.status}>
        {t("statusLine", { status: t(`status.${contribution.status}`) })}
      </p>
      {contribution.exists ? (
        <p className="mt-1">{t("language", { language: languageName(locale, contribution.language) })}</p>
      ) : null}
      {contribution.returnComment && contribution.status === "returned" ? (
        <Section
          id="return-comment"
          title={t("returnComment")}
          className="mt-4 rounded border-2 border-amber-700 bg-amber-50 p-4"
          headingClassName="font-semibold"
          testId="return-comment"
        >
          <p className="mt-1 whitespace-pre-line" dir="auto">
            {contribution.returnComment}
          </p>
        </Section>
      ) : null}
      {view.flagged > 0 ? (
        <p
          role="status"
          className="mt-4 rounded border-2 border-red-700 bg-red-50 p-3 text-red-900"
          data-testid="flagged"
        >
          {t("flagged", { count: view.flagged })}
        </p>
      ) : null}

      <p className="mt-4 flex flex-wrap gap-4">
        {actor.anchorOf.includes(c.id) ? (
          <Link href={`/${locale}/moderation/${slug}/synthesis/coverage`} className="text-brand underline">
            {t("coverage")}
          </Link>
        ) : null}
        {contribution.exists ? (
          <a href={`/api/moderation/${slug}/contribution`} className="text-brand underline">
            {t("downloadDocx")}
          </a>
        ) : null}
      </p>

      {can.steps.length > 0 ? (
        <div className="mt-6 flex flex-wrap items-start gap-6">
          {can.steps.map((step) => (
            <form
              key={step}
              action={contributionStepAction}
              className="flex flex-col gap-2"
              data-testid={`step-${step}`}
            >
              <input type="hidden" name="consultationId" value={c.id} />
              <input type="hidden" name="slug" value={slug} />
              <input type="hidden" name="version" value={contribution.version} />
              <input type="hidden" name="step" value={step} />
              {step === "return" ? (
                <label className="flex flex-col">
                  <span className="font-medium">{t("commentLabel")}</span>
                  <textarea
                    name="comment"
                    required
                    rows={4}
                    cols={50}
                    dir="auto"
                    className="mt-1 rounded border border-slate-500 px-3 py-2"
                  />
                </label>
              ) : null}
              <button type="submit" className="self-start rounded bg-brand px-4 py-2 font-semibold text-white">
                {t(`steps.${step}`)}
              </button>
            </form>
          ))}
        </div>
      ) : null}

      <ContributionSections
        view={view}
        locale={locale}
        link={(themeId) => (can.edit ? `/${locale}/moderation/${slug}/synthesis/${themeId}` : null)}
        inputHref={(id) => `/${locale}/moderation/${slug}/submissions/${id}`}
      />
    </>
  );
}
