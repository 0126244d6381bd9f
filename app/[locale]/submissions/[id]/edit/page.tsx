import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { submissionFormOptions } from "@/components/submission-form-options";
import { loadOrDeny, requirePageActor } from "@/lib/auth/page";
import { defaultLocale, isLocale } from "@/lib/i18n/config";
import { getOwnSubmission } from "@/lib/submissions";
import { formValuesOf } from "@/lib/submissions/form-values";
import { SubmissionForm } from "../../../consultations/[slug]/submit/submission-form";
import { OwnAttachments } from "../attachments";
import { ModeratorMessage } from "../moderator-message";

export default async function EditSubmissionPage({ params }: PageProps<"/[locale]/submissions/[id]/edit">) {
  const { locale: raw, id } = await params;
  const locale = isLocale(raw) ? raw : defaultLocale;
  const actor = await requirePageActor(locale, `/submissions/${id}/edit`);
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const own = await loadOrDeny(() => getOwnSubmission({ actor, submissionId: id }));
  if (!own) return null;
  const t = await getTranslations("submission");
  const { submission: s, consultation: c, attachments, editable } = own;
  if (!editable || s.status === "draft") {
    return <p role="alert">{(await getTranslations("errors"))("notEditable")}</p>;
  }
  return (
    <>
      <h1 className="text-3xl font-bold">{t("editTitle", { reference: s.reference ?? "" })}</h1>
      <ModeratorMessage s={s} />
      <OwnAttachments attachments={attachments} submissionId={s.id} removable className="mt-4 max-w-3xl" />
      <section className="mt-6 max-w-3xl">
        <ClientMessages namespaces={["submission"]}>
          <SubmissionForm
            mode="edit"
            initial={{ status: "idle", values: { ...formValuesOf(s), submissionId: s.id, version: String(s.version) } }}
            storageKey={`gcm-edit:${s.organisationId}:${s.id}:${s.version}`}
            attachmentSlots={3 - attachments.length}
            {...await submissionFormOptions(locale, c.roundId)}
          />
        </ClientMessages>
      </section>
    </>
  );
}
