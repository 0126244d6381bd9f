import { getTranslations } from "next-intl/server";
import { InputBody } from "@/components/input-body";
import { ClearLocalCopy } from "@/components/clear-local-copy";
import { LocaleLink } from "@/components/locale-link";
import { Notice } from "@/components/notice";
import { Section } from "@/components/section";
import { loadOrDeny, requirePageActor } from "@/lib/auth/page";
import { listThemes } from "@/lib/consultations/themes";
import { defaultLocale, isLocale } from "@/lib/i18n/config";
import { countryList, languageName } from "@/lib/i18n/names";
import { regionNames } from "@/lib/i18n/regions";
import { getOwnSubmission } from "@/lib/submissions";
import { receiptRecipients } from "@/lib/submissions/receipt";
import { OwnAttachments } from "./attachments";
import { canWithdrawOrDiscard } from "@/lib/submissions/lifecycle";
import { ModeratorMessage } from "./moderator-message";

export default async function SubmissionPage({ params, searchParams }: PageProps<"/[locale]/submissions/[id]">) {
  const { locale: raw, id } = await params;
  const locale = isLocale(raw) ? raw : defaultLocale;
  const sp = await searchParams;
  const actor = await requirePageActor(locale, `/submissions/${id}`);
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const own = await loadOrDeny(() => getOwnSubmission({ actor, submissionId: id }));
  if (!own) return null;
  const { submission: s, consultation: c, attachments, revisions, editable } = own;
  const t = await getTranslations("mySubmissions");
  const ts = await getTranslations("submission");
  const ta = await getTranslations("anchor");
  const themes = await listThemes({ locale, roundId: c.roundId });
  const { region } = await regionNames(c);
  return (
    <>
      {/* After submitting, the box below says it all (with the receipt's addresses). */}
      <Notice searchParams={sp.ok === "submitted" ? {} : sp} />
      {sp.ok === "submitted" ? (
        <ClearLocalCopy storageKey={`gcm-input:${s.consultationId}:${s.organisationId}`} />
      ) : null}
      {sp.ok === "submitted" ? (
        <div className="mb-6 rounded border-2 border-green-700 bg-green-50 p-4">
          <h2 className="text-xl font-semibold">{t("submittedTitle")}</h2>
          <p data-testid="reference-confirmation">
            {/* The addresses the receipt went to (lib/submissions/receipt.ts): the submitter and the contact person. */}
            {receiptRecipients(actor, s.contactEmail, actor.locale).length > 1
              ? t("submittedBody", {
                  reference: s.reference ?? "",
                  submitter: actor.email,
                  contact: s.contactEmail ?? "",
                })
              : t("submittedBodySelf", { reference: s.reference ?? "", submitter: actor.email })}
          </p>
        </div>
      ) : null}
      <p className="text-sm">
        {region} · {s.reference ?? t("draft")} ·{" "}
        <strong data-testid="submission-status">{t(`statuses.${s.status}`)}</strong> ·{" "}
        {t("revisions", { count: revisions })}
        {s.enteredBy ? ` · ${t("enteredByAnchors")}` : ""}
      </p>
      {s.publishedAt && s.status === "accepted" ? (
        <p className="mt-2 rounded border border-green-700 bg-green-50 p-2" data-testid="published-notice">
          <strong>{ta("publishedAt")}</strong> ·{" "}
          <a href={`/${locale}/inputs/${encodeURIComponent(s.reference ?? "")}`} className="text-brand underline">
            {ta("viewPublic")}
          </a>
        </p>
      ) : null}
      <h1 className="mt-1 text-3xl font-bold" dir="auto">
        {s.title || ts("untitled")}
      </h1>
      <ModeratorMessage s={s} wide />
      <div className="mt-4 flex flex-wrap gap-3">
        {editable && s.status === "draft" ? (
          <LocaleLink
            href={`/consultations/${c.slug}/submit?org=${s.organisationId}&draft=${s.id}`}
            className="rounded bg-brand px-4 py-2 font-semibold text-white"
          >
            {t("continue")}
          </LocaleLink>
        ) : null}
        {editable && s.status !== "draft" ? (
          <LocaleLink
            href={`/submissions/${s.id}/edit`}
            className="rounded bg-brand px-4 py-2 font-semibold text-white"
          >
            {t("edit")}
          </LocaleLink>
        ) : null}
        {canWithdrawOrDiscard(s.status) ? (
          // Asks first, on a page of its own (works without JavaScript).
          <LocaleLink
            href={`/submissions/${s.id}/withdraw`}
            className="rounded border border-red-800 px-4 py-2 text-red-800"
          >
            {s.status === "draft" ? t("discard") : t("withdraw")}
          </LocaleLink>
        ) : null}
      </div>
      <dl className="mt-6 grid max-w-3xl grid-cols-[minmax(8rem,auto)_1fr] gap-x-4 gap-y-2">
        <dt className="font-semibold">{ts("fields.themes")}</dt>
        <dd>
          <ul>
            {s.themes.map((id) => (
              <li key={id}>{themes.find((th) => th.id === id)?.name ?? id}</li>
            ))}
          </ul>
        </dd>
        <dt className="font-semibold">{ts("fields.summary")}</dt>
        <dd dir="auto" className="whitespace-pre-line">
          {s.summary}
        </dd>
        <dt className="font-semibold">{ts("fields.countries")}</dt>
        <dd>{countryList(locale, s.countries)}</dd>
        <dt className="font-semibold">{ts("fields.language")}</dt>
        <dd>{s.language === "other" ? ts("languages.other") : languageName(locale, s.language)}</dd>
        <dt className="font-semibold">{ts("fields.publication")}</dt>
        <dd>{ts(`publication.${s.publication}`)}</dd>
        <dt className="font-semibold">{ts("fields.contactName")}</dt>
        <dd dir="auto">
          {s.contactName} · <span dir="ltr">{s.contactEmail}</span>
        </dd>
      </dl>
      <Section id="fulltext" title={ts("fields.body")} className="mt-6 max-w-3xl">
        <InputBody text={s.body} language={s.language} />
        {s.recommendations.length ? (
          <>
            <h2 className="mt-4 text-xl font-semibold">{ts("fields.recommendations")}</h2>
            <ol className="mt-2 list-decimal ps-6" dir="auto">
              {s.recommendations.map((r, i) => (
                <li key={i} className="whitespace-pre-line">
                  {r}
                </li>
              ))}
            </ol>
          </>
        ) : null}
      </Section>
      <OwnAttachments attachments={attachments} submissionId={s.id} removable={editable} className="mt-6" />
    </>
  );
}
