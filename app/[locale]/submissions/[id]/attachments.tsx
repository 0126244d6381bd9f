import { getTranslations } from "next-intl/server";
import { removeAttachmentAction } from "../../consultations/[slug]/submit/actions";

/** The organisation's files of one input: download links and, while it may be edited, a remove button each (no JavaScript needed). */
export async function OwnAttachments({
  attachments,
  submissionId,
  removable,
  className,
}: {
  attachments: { id: string; fileName: string }[];
  submissionId: string;
  removable: boolean;
  className: string;
}) {
  const t = await getTranslations("mySubmissions");
  const ts = await getTranslations("submission");
  return (
    <section aria-labelledby="files" className={className}>
      <h2 id="files" className="text-xl font-semibold">
        {ts("existingAttachments")}
      </h2>
      {attachments.length === 0 ? <p>{t("noAttachments")}</p> : null}
      <ul className="mt-2 space-y-1">
        {attachments.map((a) => (
          <li key={a.id} className="flex flex-wrap items-center gap-3" data-testid="attachment">
            <a href={`/api/attachments/${a.id}`} className="text-brand underline" dir="auto">
              {t("download", { name: a.fileName })}
            </a>
            {removable ? (
              <form action={removeAttachmentAction}>
                <input type="hidden" name="attachmentId" value={a.id} />
                <input type="hidden" name="submissionId" value={submissionId} />
                <button type="submit" className="text-red-800 underline">
                  {ts("removeAttachment", { name: a.fileName })}
                </button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
