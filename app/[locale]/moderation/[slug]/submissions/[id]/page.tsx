import { getFormatter, getTranslations } from "next-intl/server";
import { InputBody } from "@/components/input-body";
import { ClientMessages } from "@/components/client-messages";
import { Forbidden } from "@/components/forbidden";
import { LocaleLink } from "@/components/locale-link";
import { Notice } from "@/components/notice";
import { loadOrDeny, requirePageActor } from "@/lib/auth/page";
import { defaultLocale, isLocale } from "@/lib/i18n/config";
import { AuditEntry } from "@/components/audit-entry";
import { countryName, languageNames } from "@/lib/i18n/format";
import { countryList } from "@/lib/i18n/names";
import { listThemeLabels, themeShortName } from "@/lib/i18n/theme-labels";
import { diffRevisions, getSubmissionForModeration } from "@/lib/moderation/detail";
import { similarInputs } from "@/lib/synthesis/coverage";
import { moderateButtonAction } from "../../../actions";
import { MessageForm } from "../../../message-form";
import { canMove } from "@/lib/submissions/lifecycle";

export default async function ModerationDetailPage({
  params,
  searchParams,
}: PageProps<"/[locale]/moderation/[slug]/submissions/[id]">) {
  const { locale: raw, slug, id } = await params;
  const locale = isLocale(raw) ? raw : defaultLocale;
  const sp = await searchParams;
  const actor = await requirePageActor(locale, `/moderation/${slug}/submissions/${id}`);
  if (!/^[0-9a-f-]{36}$/i.test(id)) return <Forbidden />;
  const d = await loadOrDeny(() => getSubmissionForModeration({ actor, submissionId: id }));
  if (!d) return <Forbidden />;
  const { submission: s, organisation: org } = d;
  const t = await getTranslations("moderation");
  const ts = await getTranslations("mySubmissions");
  const tf = await getTranslations("submission");
  const to = await getTranslations("organisation");
  const te = await getTranslations("errors");
  const format = await getFormatter();
  const ta = await getTranslations("anchor");
  const themes = await listThemeLabels({ locale, roundId: d.consultation.roundId });
  const [similar, tSyn] = await Promise.all([
    similarInputs({ actor, submissionId: s.id }),
    getTranslations("synthesis"),
  ]);
  const langs = languageNames(locale);
  const langName = (l: string) => (l === "other" ? t("otherLanguage") : (langs.of(l) ?? l));
  const last = d.revisions.at(-1)?.number ?? 1;
  const from = Number(sp.from) || Math.max(1, last - 1);
  const to_ = Number(sp.to) || last;
  const diff =
    d.revisions.length > 1 ? await diffRevisions({ actor, submissionId: s.id, from, to: to_ }).catch(() => []) : [];
  const button = (action: string, label: string, extra?: React.ReactNode) => (
    <form action={moderateButtonAction} className="inline-flex flex-wrap items-end gap-2">
      <input type="hidden" name="submissionId" value={s.id} />
      <input type="hidden" name="version" value={s.version} />
      <input type="hidden" name="action" value={action} />
      <input type="hidden" name="slug" value={slug} />
      {extra}
      <button type="submit" className="rounded border border-slate-700 px-3 py-1">
        {label}
      </button>
    </form>
  );
  const latest = d.audit[0];

  return (
    <>
      <Notice searchParams={sp} />
      {sp.error === "staleModeration" && latest ? (
        <p className="mb-4 rounded border border-red-700 p-2 text-sm" data-testid="latest-change">
          {ta("latestChange", {
            who: latest.by ?? "?",
            when: format.dateTime(latest.createdAt, { dateStyle: "medium", timeStyle: "short" }),
          })}{" "}
          <AuditEntry entry={latest} themes={themes} />
        </p>
      ) : null}
      <p>
        <LocaleLink href={`/moderation/${slug}`} className="text-brand underline">
          {t("backToQueue")}
        </LocaleLink>
      </p>
      <p className="mt-2 text-sm" dir="ltr">
        {s.reference}
      </p>
      <h1 className="text-3xl font-bold" dir="auto">
        {s.title}
      </h1>
      <p className="mt-1">
        <strong data-testid="moderation-status">{ts(`statuses.${s.status}`)}</strong>
        {s.publishedAt ? (
          <>
            {" · "}
            <a
              href={`/${locale}/inputs/${encodeURIComponent(s.reference ?? "")}`}
              className="text-brand underline"
              data-testid="public-link"
            >
              {t("published")}
            </a>
          </>
        ) : null}{" "}
        · {tf(`publication.${s.publication}`)}
        {d.duplicateOfReference ? ` · ${t("duplicateOf", { reference: d.duplicateOfReference })}` : ""}
      </p>
      {s.channel !== "web" ? (
        <p className="mt-1 text-sm" data-testid="entered-on-behalf">
          {d.enteredBy
            ? t("enteredOnBehalf", { name: d.enteredBy, channel: s.channel })
            : t("receivedBy", { channel: s.channel })}
        </p>
      ) : null}

      <section aria-labelledby="org" className="mt-4 rounded border border-slate-300 p-3 text-sm">
        <h2 id="org" className="font-semibold">
          {t("organisation")}
        </h2>
        <p dir="auto">
          {org.name}
          {org.acronym ? ` (${org.acronym})` : ""} · {to(`types.${org.type}`)} · {countryName(locale, org.country)} ·{" "}
          {org.verifiedAt ? t("verified") : t("unverified")} ·{" "}
          {d.registrationStatus ? t("registeredAs", { status: d.registrationStatus }) : t("notRegistered")}
        </p>
        <p>
          {tf("fields.contactName")}: <span dir="auto">{s.contactName}</span> · <span dir="ltr">{s.contactEmail}</span>
        </p>
      </section>

      <section aria-labelledby="actions" className="mt-6">
        <h2 id="actions" className="text-xl font-semibold">
          {t("actions")}
        </h2>
        <div className="mt-2 flex flex-wrap gap-3">
          {canMove("accept", s.status) ? button("accept", t("accept")) : null}
          {canMove("publish", s.status) && s.publication !== "none" && !s.publishedAt
            ? button("publish", t("publish", { how: tf(`publication.${s.publication}`) }))
            : null}
          {s.publishedAt ? button("unpublish", t("unpublish")) : null}
        </div>
        <div className="mt-3 flex flex-wrap gap-6">
          {button(
            "markDuplicate",
            t("markDuplicate"),
            <label className="flex flex-col text-sm">
              <span>{t("duplicateReference")}</span>
              <input
                name="duplicateOf"
                required
                pattern="[A-Z0-9]{2,20}(-[A-Z0-9]{1,20})*-[0-9]{4,}"
                dir="ltr"
                className="rounded border border-slate-500 px-2 py-1"
              />
            </label>,
          )}
          {button(
            "tag",
            t("addTags"),
            <>
              <fieldset className="text-sm">
                <legend className="font-medium">{t("addThemes")}</legend>
                {themes.map((th) => (
                  <label key={th.id} className="flex items-start gap-2 py-0.5" title={th.name}>
                    <input
                      type="checkbox"
                      name="themes"
                      value={th.id}
                      defaultChecked={s.themes.includes(th.id)}
                      className="mt-1"
                    />
                    {th.short}
                  </label>
                ))}
              </fieldset>
              <label className="flex flex-col text-sm">
                <span>{t("keywords")}</span>
                <input
                  name="keywords"
                  maxLength={300}
                  dir="auto"
                  className="rounded border border-slate-500 px-2 py-1"
                />
              </label>
            </>,
          )}
        </div>
        <ClientMessages namespaces={[]}>
          <div className="mt-4 grid gap-6 md:grid-cols-2">
            {org.hasMembers ? (
              <MessageForm
                kind="requestChanges"
                submissionId={s.id}
                version={s.version}
                slug={slug}
                label={t("changesMessage")}
                submitLabel={t("requestChanges")}
                successText={t("changesRequested")}
              />
            ) : (
              <p className="text-sm" data-testid="no-one-to-change">
                {te("noOneToChange")}
              </p>
            )}
            <MessageForm
              kind="reject"
              submissionId={s.id}
              version={s.version}
              slug={slug}
              label={t("rejectReason")}
              submitLabel={t("reject")}
              successText={t("rejected")}
            />
          </div>
        </ClientMessages>
      </section>

      <section aria-labelledby="content" className="mt-8 max-w-3xl">
        <h2 id="content" className="text-xl font-semibold">
          {t("content")}
        </h2>
        <p className="mt-2 text-sm">
          {s.themes.map((n) => themes.find((th) => th.id === n)?.name ?? themeShortName(themes, n)).join(" · ")}
          {s.keywords.length ? ` · ${t("keywords")}: ${s.keywords.join(", ")}` : ""}
        </p>
        <p className="mt-2 text-sm">{countryList(locale, s.countries)}</p>
        <h3 className="mt-3 font-semibold">{tf("fields.summary")}</h3>
        <p dir="auto" className="whitespace-pre-line">
          {s.summary}
        </p>
        <h3 className="mt-3 font-semibold">{tf("fields.body")}</h3>
        <InputBody text={s.body} language={s.language} />
        {s.recommendations.length ? (
          <>
            <h3 className="mt-3 font-semibold">{tf("fields.recommendations")}</h3>
            <ol className="list-decimal ps-6" dir="auto">
              {s.recommendations.map((r, i) => (
                <li key={i}>{r}</li>
              ))}
            </ol>
          </>
        ) : null}
        <h3 className="mt-3 font-semibold">{tf("existingAttachments")}</h3>
        <ul>
          {d.attachments.map((a) => (
            <li key={a.id}>
              <a href={`/api/attachments/${a.id}`} className="text-brand underline" dir="auto">
                {a.fileName}
              </a>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="similar" className="mt-8 max-w-3xl" data-testid="similar-inputs">
        <h2 id="similar" className="text-xl font-semibold">
          {tSyn("similar")}
        </h2>
        {similar.length === 0 ? (
          <p className="mt-2">{tSyn("similarNone")}</p>
        ) : (
          <ul className="mt-2 space-y-1">
            {similar.map((x) => (
              <li key={x.id}>
                <LocaleLink href={`/moderation/${slug}/submissions/${x.id}`} className="text-brand underline">
                  {x.reference}
                </LocaleLink>{" "}
                <span dir="auto">{x.title}</span> · {x.organisation} · {ts(`statuses.${x.status}` as never)} ·{" "}
                {tSyn("similarity", { value: x.similarity })}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="revisions" className="mt-8 max-w-3xl">
        <h2 id="revisions" className="text-xl font-semibold">
          {t("revisions")}
        </h2>
        <ul className="mt-1 text-sm">
          {d.revisions.map((r) => (
            <li key={r.number}>
              {t("revisionN", { n: r.number })} ·{" "}
              {format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" })} · {r.by}
            </li>
          ))}
        </ul>
        {d.revisions.length > 1 ? (
          <>
            <form method="get" className="mt-2 flex flex-wrap items-end gap-2 text-sm">
              <label className="flex flex-col">
                <span>{t("compareFrom")}</span>
                <select name="from" defaultValue={from} className="rounded border border-slate-500 px-2 py-1">
                  {d.revisions.map((r) => (
                    <option key={r.number} value={r.number}>
                      {r.number}
                    </option>
                  ))}
                </select>
              </label>
              <label className="flex flex-col">
                <span>{t("compareTo")}</span>
                <select name="to" defaultValue={to_} className="rounded border border-slate-500 px-2 py-1">
                  {d.revisions.map((r) => (
                    <option key={r.number} value={r.number}>
                      {r.number}
                    </option>
                  ))}
                </select>
              </label>
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
      </section>

      <section aria-labelledby="notes" className="mt-8 max-w-3xl">
        <h2 id="notes" className="text-xl font-semibold">
          {t("notes")}
        </h2>
        <p className="text-sm">{t("notesHint")}</p>
        <ul className="mt-2 space-y-2">
          {d.notes.map((n) => (
            <li key={n.id} className="rounded border border-slate-300 p-2 text-sm" data-testid="internal-note">
              <p dir="auto" className="whitespace-pre-line">
                {n.body}
              </p>
              <p className="text-xs text-slate-700">
                {n.by} · {format.dateTime(n.createdAt, { dateStyle: "medium", timeStyle: "short" })}
              </p>
            </li>
          ))}
        </ul>
        <ClientMessages namespaces={[]}>
          <MessageForm
            kind="note"
            submissionId={s.id}
            version={s.version}
            slug={slug}
            label={t("noteLabel")}
            submitLabel={t("addNote")}
            successText={t("noteAdded")}
          />
        </ClientMessages>
      </section>

      <section aria-labelledby="audit" className="mt-8">
        <h2 id="audit" className="text-xl font-semibold">
          {t("auditLog")}
        </h2>
        <table className="mt-2 w-full text-start text-sm">
          <thead>
            <tr className="border-b-2 border-slate-400">
              <th scope="col" className="py-1 pe-3 text-start">
                {t("when")}
              </th>
              <th scope="col" className="py-1 pe-3 text-start">
                {t("who")}
              </th>
              <th scope="col" className="py-1 text-start">
                {ta("audit.whatHappened")}
              </th>
            </tr>
          </thead>
          <tbody>
            {d.audit.map((a) => (
              <tr key={a.id} className="border-b border-slate-300 align-top" data-testid="audit-row">
                <td className="py-1 pe-3">
                  {format.dateTime(a.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                </td>
                <td className="py-1 pe-3">
                  <bdi>{a.by}</bdi>
                </td>
                <td className="py-1">
                  <AuditEntry entry={a} themes={themes} detailed />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
