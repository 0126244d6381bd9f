import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { AppLocale } from "@/lib/i18n/config";
import type { CitedInput, ContributionView } from "@/lib/synthesis";

/**
 * The contribution's text, theme by theme: each paragraph and recommendation with the inputs it
 * cites and how many inputs, organisations and countries stand behind it. Shared by the anchors'
 * page and the consultation's public page (which links only published inputs).
 */
export async function ContributionSections({
  view,
  locale,
  link,
  inputHref,
  headingLevel = 2,
  hideEmpty = false,
}: {
  view: ContributionView;
  locale: AppLocale;
  /** The theme's editor, when the reader may edit. */
  link: (themeId: number) => string | null;
  /** Where a cited input links to (null: not linked). */
  inputHref: (id: string, c: CitedInput) => string | null;
  headingLevel?: 2 | 3;
  /** Leave out the themes nothing was written for (the published text). */
  hideEmpty?: boolean;
}) {
  const t = await getTranslations({ locale, namespace: "synthesis" });
  const tStatus = await getTranslations({ locale, namespace: "mySubmissions.statuses" });
  const H = headingLevel === 2 ? "h2" : "h3";
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  return (
    <div className="mt-8 space-y-10">
      {view.sections
        .filter((s) => !hideEmpty || s.items.length > 0)
        .map((s) => {
          const edit = link(s.themeId);
          return (
            <section
              key={s.themeId}
              aria-labelledby={`theme-${s.themeId}`}
              data-testid="contribution-section"
              data-theme={s.themeId}
            >
              <H id={`theme-${s.themeId}`} className="text-2xl font-semibold">
                {s.themeName}
              </H>
              {edit ? (
                <p className="mt-1 text-sm text-slate-700">
                  {s.updatedAt
                    ? t("lastSaved", { version: s.version, when: when.format(s.updatedAt), who: s.updatedBy ?? "?" })
                    : t("neverSaved")}{" "}
                  <Link href={edit} className="text-brand underline">
                    {t("edit")}
                    <span className="sr-only">: {s.themeName}</span>
                  </Link>
                </p>
              ) : null}
              {s.items.length === 0 ? (
                <p className="mt-2 text-slate-700">{t("noItems")}</p>
              ) : (
                <ol className="mt-3 space-y-4">
                  {s.items.map((item, n) => (
                    <li key={n} data-testid="contribution-item" data-kind={item.kind}>
                      <p className="text-sm font-semibold uppercase tracking-wide text-slate-700">{t(item.kind)}</p>
                      <p className="mt-1 max-w-prose whitespace-pre-line" dir="auto">
                        {item.text}
                      </p>
                      {item.citations.length > 0 ? (
                        <>
                          <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label={t("cited")}>
                            {item.citations.map((c) => {
                              const href = inputHref(c.id, c);
                              const label = `${c.reference ?? "?"}${c.organisation ? ` · ${c.organisation}` : ""}`;
                              return (
                                <li key={c.id} data-testid="citation" data-current={c.current ? "yes" : "no"}>
                                  {href ? (
                                    <Link href={href} className="text-brand underline" title={c.title}>
                                      {label}
                                    </Link>
                                  ) : (
                                    <span title={c.title}>{label}</span>
                                  )}
                                  {!c.current ? (
                                    <strong className="ms-1 text-red-800">
                                      ({t("flag", { status: tStatus(c.status as never) })})
                                    </strong>
                                  ) : null}
                                </li>
                              );
                            })}
                          </ul>
                          <p className="mt-1 text-sm text-slate-700" data-testid="citation-counts">
                            {t("counts", item.counts)}
                          </p>
                        </>
                      ) : null}
                    </li>
                  ))}
                </ol>
              )}
            </section>
          );
        })}
    </div>
  );
}
