import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { LocaleLink } from "@/components/locale-link";
import { ActingForHead } from "@/components/acting-for-head";
import { submissionFormOptions } from "@/components/submission-form-options";
import { requirePageActor } from "@/lib/auth/page";
import { getPublicConsultation } from "@/lib/consultations/queries";
import { defaultLocale, isLocale } from "@/lib/i18n/config";
import { regionNames } from "@/lib/i18n/regions";
import { listMyOrganisations } from "@/lib/organisations";
import { listDrafts } from "@/lib/submissions";
import { formValuesOf, newIdempotencyKey } from "@/lib/submissions/form-values";
import { SubmissionForm } from "./submission-form";
import { deadlineInZone } from "@/lib/i18n/zones";
import { NeedOrganisation } from "@/components/need-organisation";
import { Section } from "@/components/section";

export default async function SubmitPage({ params, searchParams }: PageProps<"/[locale]/consultations/[slug]/submit">) {
  const { locale: raw, slug } = await params;
  const locale = isLocale(raw) ? raw : defaultLocale;
  const sp = await searchParams;
  const actor = await requirePageActor(locale, `/consultations/${slug}/submit`);
  const c = await getPublicConsultation({ slug });
  if (!c) notFound();
  const t = await getTranslations("submission");
  const { region } = await regionNames(c);
  const heading = <h1 className="text-3xl font-bold">{t("title", { region })}</h1>;
  const orgs = await listMyOrganisations({ actor });
  if (orgs.length === 0)
    return <NeedOrganisation heading={heading} text={t("needOrganisation")} link={t("createOrganisation")} />;
  const org = orgs.find((o) => o.id === sp.org) ?? orgs[0]!;
  const drafts = await listDrafts({ actor, organisationId: org.id, consultationId: c.id });
  const draft = drafts.find((d) => d.id === sp.draft);
  const closed = c.phase !== "open";
  const idempotencyKey = draft?.idempotencyKey ?? newIdempotencyKey();
  const values = {
    consultationId: c.id,
    organisationId: org.id,
    idempotencyKey,
    submissionId: draft?.id ?? "",
    version: String(draft?.version ?? 0),
    ...(draft
      ? formValuesOf(draft)
      : { contactName: actor.name ?? "", contactEmail: actor.email, language: locale, publication: "named" }),
  };
  return (
    <>
      <ActingForHead
        searchParams={sp}
        heading={heading}
        organisations={orgs}
        current={org.id}
        href={(id) => `/consultations/${slug}/submit?org=${id}`}
        label={t("chooseOrganisation")}
        actingFor={t("forOrganisation", { organisation: org.name })}
        deadline={c.submissionDeadline ? t("deadline", await deadlineInZone(locale, c.submissionDeadline, c)) : null}
      />
      {drafts.length > 0 && !draft ? (
        <Section
          id="drafts"
          title={t("drafts")}
          className="mt-4 rounded border border-slate-300 p-3"
          headingClassName="font-semibold"
        >
          <ul className="mt-1 list-disc ps-6">
            {drafts.map((d) => (
              <li key={d.id}>
                <LocaleLink
                  href={`/consultations/${slug}/submit?org=${org.id}&draft=${d.id}`}
                  className="text-brand underline"
                >
                  {t("continueDraft", { title: d.title || t("untitled") })}
                </LocaleLink>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {closed ? (
        <p role="status" className="mt-6 rounded border-2 border-amber-700 bg-amber-50 p-3">
          {c.submissionDeadline
            ? (await getTranslations("errors"))(
                "submissionClosed",
                await deadlineInZone(locale, c.submissionDeadline, c),
              )
            : (await getTranslations("errors"))("consultationClosed")}
        </p>
      ) : (
        <>
          <p className="mt-4 max-w-3xl text-sm">{t("lead")}</p>
          <section className="mt-6 max-w-3xl">
            <ClientMessages namespaces={["submission"]}>
              <SubmissionForm
                mode="new"
                initial={{ status: "idle", values }}
                storageKey={`gcm-input:${c.id}:${org.id}`}
                attachmentSlots={3}
                {...await submissionFormOptions(locale, c.roundId)}
              />
            </ClientMessages>
          </section>
        </>
      )}
    </>
  );
}
