import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { Notice } from "@/components/notice";
import { Section } from "@/components/section";
import { loadOrDeny } from "@/lib/auth/page";
import { countryName } from "@/lib/i18n/format";
import { getContribution, listSectionRevisions } from "@/lib/synthesis";
import { findCitable, similarTo } from "@/lib/synthesis/coverage";
import { SectionForm, type EditorItem } from "./section-form";
import { loadModerationPage } from "../../load";

/** The editor of one theme's section, with the finder of inputs to cite and the section's history. */
export default async function SectionPage({
  params,
  searchParams,
}: PageProps<"/[locale]/moderation/[slug]/synthesis/[theme]">) {
  const { theme } = await params;
  const { locale, slug, actor, c } = await loadModerationPage(params, `/synthesis/${theme}`);
  const sp = await searchParams;
  if (!c) return null;
  const view = await loadOrDeny(() => getContribution({ actor, consultationId: c.id, locale }));
  if (!view) return null;
  const themeId = /^\d{1,5}$/.test(theme) ? Number(theme) : NaN;
  const section = view.sections.find((s) => s.themeId === themeId);
  if (!section) notFound();
  const t = await getTranslations("synthesis");
  const tStatus = await getTranslations("mySubmissions.statuses");
  const back = `/${locale}/moderation/${slug}/synthesis`;
  if (!view.can.edit) {
    return (
      <>
        <h1 className="text-3xl font-bold">{t("editTitle", { theme: section.themeName })}</h1>
        <p className="mt-4">{t("statusLine", { status: t(`status.${view.contribution.status}`) })}</p>
        <p className="mt-2">
          <Link href={back} className="text-brand underline">
            {t("backToContribution")}
          </Link>
        </p>
      </>
    );
  }
  const q = typeof sp.q === "string" ? sp.q.slice(0, 200) : "";
  const [found, revisions, similar] = await Promise.all([
    findCitable({ actor, consultationId: c.id, themeId, q }),
    listSectionRevisions({ actor, consultationId: c.id, themeId }),
    // Inputs whose titles are like the words searched for (pg_trgm), to group them and spot duplicates.
    q ? similarTo({ consultationId: c.id, text: q, title: q, limit: 10 }) : Promise.resolve([]),
  ]);
  const items: EditorItem[] = section.items.map((i) => ({
    kind: i.kind,
    text: i.text,
    citations: i.citations.map((x) => ({
      id: x.id,
      label: `${x.reference ?? "?"} · ${x.title}${x.organisation ? ` (${x.organisation})` : ""}`,
      flag: x.current ? undefined : t("flag", { status: tStatus(x.status as never) }),
    })),
  }));
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  return (
    <>
      <Notice searchParams={sp} />
      <p>
        <Link href={back} className="text-brand underline">
          {t("backToContribution")}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{t("editTitle", { theme: section.themeName })}</h1>
      <p className="mt-2 text-slate-700">
        {section.updatedAt
          ? t("lastSaved", {
              version: section.version,
              when: when.format(section.updatedAt),
              who: section.updatedBy ?? "?",
            })
          : t("neverSaved")}
      </p>
      <ClientMessages namespaces={["synthesis"]}>
        <SectionForm
          key={section.version}
          consultationId={c.id}
          themeId={themeId}
          version={section.version}
          items={items}
          q={q}
        />
      </ClientMessages>

      <section id="finder" aria-labelledby="finder-title" className="mt-10" data-testid="finder">
        <h2 id="finder-title" className="text-2xl font-semibold">
          {t("finderTitle")}
        </h2>
        {found.length === 0 ? (
          <p className="mt-2">{t("finderNone")}</p>
        ) : (
          <ul className="mt-3 space-y-2">
            {found.map((f) => (
              <li key={f.id} data-testid="finder-result">
                <strong dir="ltr">{f.reference}</strong> ·{" "}
                <Link href={`/${locale}/moderation/${slug}/submissions/${f.id}`} className="text-brand underline">
                  {f.title}
                </Link>{" "}
                · {f.organisation}
                {f.countries.length ? ` · ${f.countries.map((code) => countryName(locale, code)).join(", ")}` : ""}
                {f.cited ? <em className="ms-2 text-slate-700">({t("alreadyCited")})</em> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      {q ? (
        <Section id="similar-title" title={t("similar")} className="mt-8" testId="finder-similar">
          {similar.length === 0 ? (
            <p className="mt-2">{t("similarNone")}</p>
          ) : (
            <ul className="mt-2 space-y-1">
              {similar.map((x) => (
                <li key={x.id}>
                  <strong dir="ltr">{x.reference}</strong> · <span dir="auto">{x.title}</span> · {x.organisation} ·{" "}
                  {tStatus(x.status as never)} · {t("similarity", { value: x.similarity })}
                </li>
              ))}
            </ul>
          )}
        </Section>
      ) : null}

      {revisions.length > 0 ? (
        <Section id="history-title" title={t("history")} className="mt-10" headingClassName="text-2xl font-semibold">
          <ol className="mt-3 space-y-3">
            {[...revisions].reverse().map((r) => (
              <li key={r.number}>
                <details>
                  <summary>
                    {t("historyItem", { number: r.number, when: when.format(r.createdAt), who: r.by ?? "?" })}
                  </summary>
                  <ol className="mt-2 list-decimal ps-6">
                    {r.items.map((i, n) => (
                      <li key={n} className="whitespace-pre-line" dir="auto">
                        <span className="font-semibold">{t(i.kind)}:</span> {i.text}
                      </li>
                    ))}
                  </ol>
                </details>
              </li>
            ))}
          </ol>
        </Section>
      ) : null}
    </>
  );
}
