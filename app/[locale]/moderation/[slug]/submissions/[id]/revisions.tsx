import { getFormatter, getTranslations } from "next-intl/server";
import type { AppLocale } from "@/lib/i18n/config";
import { countryName, languageNames } from "@/lib/i18n/format";
import { themeShortName, type ThemeLabel } from "@/lib/i18n/theme-labels";
import type { ModerationDetail, RevisionDiff } from "@/lib/moderation/detail";
import { Section } from "@/components/section";

/**
 * An input's revisions (number, date, author) and, when it has more than one, a form to pick two and
 * what changed between them: text word by word, themes and countries added or removed, language
 * and publication before and after.
 */
export async function Revisions({
  revisions,
  from,
  to: to_,
  diff,
  themes,
  locale,
}: {
  revisions: ModerationDetail["revisions"];
  /** The revisions compared. */
  from: number;
  to: number;
  diff: RevisionDiff[];
  themes: ThemeLabel[];
  locale: AppLocale;
}) {
  const [t, tf, ta] = await Promise.all([
    getTranslations("moderation"),
    getTranslations("submission"),
    getTranslations("anchor"),
  ]);
  const format = await getFormatter();
  const langs = languageNames(locale);
  const langName = (l: string) => (l === "other" ? t("otherLanguage") : (langs.of(l) ?? l));
  return (
    <Section id="revisions" title={t("revisions")} className="mt-8 max-w-3xl">
      <ul className="mt-1 text-sm">
        {revisions.map((r) => (
          <li key={r.number}>
            {t("revisionN", { n: r.number })} ·{" "}
            {format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" })} · {r.by}
          </li>
        ))}
      </ul>
      {revisions.length > 1 ? (
        <>
          <form method="get" className="mt-2 flex flex-wrap items-end gap-2 text-sm">
            {(
              [
                ["from", from, t("compareFrom")],
                ["to", to_, t("compareTo")],
              ] as const
            ).map(([name, value, label]) => (
              <label key={name} className="flex flex-col">
                <span>{label}</span>
                <select name={name} defaultValue={value} className="rounded border border-slate-500 px-2 py-1">
                  {revisions.map((r) => (
                    <option key={r.number} value={r.number}>
                      {r.number}
                    </option>
                  ))}
                </select>
              </label>
            ))}
            <button type="submit" className="rounded border border-slate-700 px-3 py-1">
              {t("compare")}
            </button>
          </form>
          <div className="mt-3 space-y-3" data-testid="revision-diff">
            {diff.length === 0 ? <p>{t("noDifference")}</p> : null}
            {diff.map((df) => (
              <div key={df.field} data-testid={`diff-${df.field}`}>
                <h3 className="font-semibold">{t(`diffField.${df.field}`)}</h3>
                {df.kind === "text" ? (
                  <p dir="auto" className="whitespace-pre-wrap rounded bg-slate-50 p-2">
                    {df.parts.map((p, i) =>
                      p.added ? (
                        <ins key={i} className="bg-green-100 text-green-900">
                          {p.value}
                        </ins>
                      ) : p.removed ? (
                        <del key={i} className="bg-red-100 text-red-900">
                          {p.value}
                        </del>
                      ) : (
                        <span key={i}>{p.value}</span>
                      ),
                    )}
                  </p>
                ) : df.kind === "set" ? (
                  <dl className="rounded bg-slate-50 p-2">
                    {(
                      [
                        ["added", ta("diffAdded"), df.added],
                        ["removed", ta("diffRemoved"), df.removed],
                      ] as const
                    )
                      .filter(([, , items]) => items.length > 0)
                      .map(([kind, label, items]) => (
                        <div key={kind} className="flex flex-wrap gap-x-2">
                          <dt className="font-medium">{label}:</dt>
                          <dd>
                            {items.map((x, i) => {
                              const name =
                                df.field === "themes" ? themeShortName(themes, Number(x)) : countryName(locale, x);
                              return (
                                <span key={x}>
                                  {i > 0 ? ", " : ""}
                                  {kind === "added" ? (
                                    <ins className="bg-green-100 text-green-900">{name}</ins>
                                  ) : (
                                    <del className="bg-red-100 text-red-900">{name}</del>
                                  )}
                                </span>
                              );
                            })}
                          </dd>
                        </div>
                      ))}
                  </dl>
                ) : (
                  <p className="rounded bg-slate-50 p-2">
                    <del className="bg-red-100 text-red-900">
                      {df.field === "language" ? langName(df.before) : tf(`publication.${df.before}` as never)}
                    </del>
                    {" → "}
                    <ins className="bg-green-100 text-green-900">
                      {df.field === "language" ? langName(df.after) : tf(`publication.${df.after}` as never)}
                    </ins>
                  </p>
                )}
              </div>
            ))}
          </div>
        </>
      ) : null}
    </Section>
  );
}
