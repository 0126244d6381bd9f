import { getFormatter, getTranslations } from "next-intl/server";
import { InputBody } from "@/components/input-body";
import { Forbidden } from "@/components/forbidden";
import { LocaleLink } from "@/components/locale-link";
import { Notice } from "@/components/notice";
import { loadOrDeny, requirePageActor } from "@/lib/auth/page";
import { defaultLocale, isLocale } from "@/lib/i18n/config";
import { AuditEntry } from "@/components/audit-entry";
import { Section } from "@/components/section";
import { countryName } from "@/lib/i18n/format";
import { countryList } from "@/lib/i18n/names";
import { listThemeLabels, themeShortName } from "@/lib/i18n/theme-labels";
import { diffRevisions, getSubmissionForModeration } from "@/lib/moderation/detail";
import { similarInputs } from "@/lib/synthesis/coverage";
import { AuditLog } from "./audit-log";
import { InternalNotes } from "./internal-notes";
import { ModerationActions } from "./moderation-actions";
import { Revisions } from "./revisions";
import { SimilarInputs } from "./similar-inputs";

/**
 * One input as its moderators see it: status, organisation and contact, the actions, the content,
 * similar inputs, the revisions and what changed, the internal notes and the audit log.
 */
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
  const format = await getFormatter();
  const ta = await getTranslations("anchor");
  const themes = await listThemeLabels({ locale, roundId: d.consultation.roundId });
  const similar = await similarInputs({ actor, submissionId: s.id });
  const last = d.revisions.at(-1)?.number ?? 1;
  const from = Number(sp.from) || Math.max(1, last - 1);
  const to_ = Number(sp.to) || last;
  const diff =
    d.revisions.length > 1 ? await diffRevisions({ actor, submissionId: s.id, from, to: to_ }).catch(() => []) : [];
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

      <Section
        id="org"
        title={t("organisation")}
        className="mt-4 rounded border border-slate-300 p-3 text-sm"
        headingClassName="font-semibold"
      >
        <p dir="auto">
          {org.name}
          {org.acronym ? ` (${org.acronym})` : ""} · {to(`types.${org.type}`)} · {countryName(locale, org.country)} ·{" "}
          {org.verifiedAt ? t("verified") : t("unverified")} ·{" "}
          {d.registrationStatus ? t("registeredAs", { status: d.registrationStatus }) : t("notRegistered")}
        </p>
        <p>
          {tf("fields.contactName")}: <span dir="auto">{s.contactName}</span> · <span dir="ltr">{s.contactEmail}</span>
        </p>
      </Section>

      <ModerationActions s={s} slug={slug} themes={themes} hasMembers={org.hasMembers} />

      <Section id="content" title={t("content")} className="mt-8 max-w-3xl">
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
        {d.attachments.length ? (
          <ul>
            {d.attachments.map((a) => (
              <li key={a.id}>
                <a href={`/api/attachments/${a.id}`} className="text-brand underline" dir="auto">
                  {a.fileName}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-slate-700">{ts("noAttachments")}</p>
        )}
      </Section>

      <SimilarInputs similar={similar} slug={slug} />

      <Revisions revisions={d.revisions} from={from} to={to_} diff={diff} themes={themes} locale={locale} />

      <InternalNotes notes={d.notes} submissionId={s.id} version={s.version} slug={slug} />

      <AuditLog audit={d.audit} themes={themes} />
    </>
  );
}
