import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/notice";
import { Section } from "@/components/section";
import { isAnchorOf } from "@/lib/auth/actor";
import { loadOrDeny } from "@/lib/auth/page";
import { regionNames } from "@/lib/i18n/regions";
import { COVERAGE_PAGE, getCoverage } from "@/lib/synthesis/coverage";
import { readNotCitedAction } from "../actions";
import { loadModerationPage } from "../../load";

/** Per theme, the accepted inputs no paragraph cites yet; each can be marked read, not cited. */
export default async function CoveragePage({
  params,
  searchParams,
}: PageProps<"/[locale]/moderation/[slug]/synthesis/coverage">) {
  const { locale, slug, actor, c } = await loadModerationPage(params, "/synthesis/coverage");
  const sp = await searchParams;
  if (!c) return null;
  const themeParam = typeof sp.theme === "string" && /^\d{1,5}$/.test(sp.theme) ? Number(sp.theme) : undefined;
  const offset = typeof sp.offset === "string" && /^\d{1,6}$/.test(sp.offset) ? Number(sp.offset) : 0;
  const coverage = await loadOrDeny(() => getCoverage({ actor, consultationId: c.id, themeId: themeParam, offset }));
  if (!coverage) return null;
  const t = await getTranslations("synthesis");
  const { region } = await regionNames(c);
  const chosen = themeParam ?? coverage.themes[0]?.themeId;
  const anchor = isAnchorOf(actor, c.id);
  const base = `/${locale}/moderation/${slug}/synthesis/coverage`;
  return (
    <>
      <Notice searchParams={sp} />
      <p>
        <Link href={`/${locale}/moderation/${slug}/synthesis`} className="text-brand underline">
          {t("backToContribution")}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">
        {t("coverage")}: {region}
      </h1>
      <p className="mt-2 max-w-prose">{t("coverageIntro")}</p>

      {coverage.flagged.length > 0 ? (
        <Section
          id="flagged-title"
          title={t("flaggedTitle")}
          className="mt-6 rounded border-2 border-red-700 bg-red-50 p-4"
          headingClassName="font-semibold text-red-900"
          testId="coverage-flagged"
        >
          <ul className="mt-2 list-disc ps-6">
            {coverage.flagged.map((f) => (
              <li key={f.id}>
                <Link href={`/${locale}/moderation/${slug}/submissions/${f.id}`} className="underline">
                  {f.reference}
                </Link>{" "}
                {f.title}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      <ul className="mt-6 space-y-1" aria-label={t("coverage")}>
        {coverage.themes.map((th) => (
          <li key={th.themeId} data-testid="coverage-theme" data-theme={th.themeId}>
            {th.themeId === chosen ? (
              <strong aria-current="true">{th.themeName}</strong>
            ) : (
              <Link href={`${base}?theme=${th.themeId}`} className="text-brand underline">
                {th.themeName}
              </Link>
            )}
            {": "}
            <span data-testid="coverage-counts">
              {t("coverageCounts", {
                accepted: th.accepted,
                cited: th.cited,
                read: th.readNotCited,
                unread: th.unread,
              })}
            </span>
          </li>
        ))}
      </ul>

      {coverage.themes
        .filter((th) => th.themeId === chosen)
        .map((th) => (
          <section key={th.themeId} aria-labelledby="uncited-title" className="mt-8">
            <h2 id="uncited-title" className="text-2xl font-semibold">
              {th.themeName}
            </h2>
            {th.inputs.length === 0 ? (
              <p className="mt-2">{t("coverageNone")}</p>
            ) : (
              <ul className="mt-3 space-y-4">
                {th.inputs.map((i) => (
                  <li key={i.id} data-testid="uncited-input">
                    <p>
                      <strong dir="ltr">{i.reference}</strong> ·{" "}
                      <Link href={`/${locale}/moderation/${slug}/submissions/${i.id}`} className="text-brand underline">
                        {i.title}
                      </Link>{" "}
                      · {i.organisation}
                    </p>
                    {i.note !== null ? (
                      <p className="text-slate-700">{t("readMarked", { note: i.note || "—" })}</p>
                    ) : null}
                    {anchor ? (
                      <form action={readNotCitedAction} className="mt-1 flex flex-wrap items-end gap-2">
                        <input type="hidden" name="consultationId" value={c.id} />
                        <input type="hidden" name="submissionId" value={i.id} />
                        <input type="hidden" name="slug" value={slug} />
                        <input type="hidden" name="theme" value={th.themeId} />
                        {i.note === null ? (
                          <>
                            <label className="flex flex-col">
                              <span className="text-sm">{t("readNote")}</span>
                              <input
                                name="note"
                                maxLength={1000}
                                dir="auto"
                                className="rounded border border-slate-500 px-2 py-1"
                              />
                            </label>
                            <button
                              type="submit"
                              className="rounded border-2 border-brand px-3 py-1 font-semibold text-brand"
                            >
                              {t("markRead")}
                              <span className="sr-only">: {i.reference}</span>
                            </button>
                          </>
                        ) : (
                          <button
                            type="submit"
                            name="clear"
                            value="true"
                            className="rounded border border-slate-500 px-3 py-1"
                          >
                            {t("clearRead")}
                            <span className="sr-only">: {i.reference}</span>
                          </button>
                        )}
                      </form>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
            {th.inputs.length === COVERAGE_PAGE ? (
              <p className="mt-4">
                <Link
                  href={`${base}?theme=${th.themeId}&offset=${offset + COVERAGE_PAGE}`}
                  className="text-brand underline"
                >
                  {t("more", { n: COVERAGE_PAGE })}
                </Link>
              </p>
            ) : null}
          </section>
        ))}
    </>
  );
}
