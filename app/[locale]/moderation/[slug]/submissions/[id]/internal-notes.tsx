import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { Section } from "@/components/section";
import type { ModerationDetail } from "@/lib/moderation/detail";
import { MessageForm } from "../../../message-form";

/** The moderators' internal notes on an input (never shown to the organisation) and the form to add one. */
export async function InternalNotes({
  notes,
  submissionId,
  version,
  slug,
}: {
  notes: ModerationDetail["notes"];
  submissionId: string;
  version: number;
  slug: string;
}) {
  const t = await getTranslations("moderation");
  const format = await getFormatter();
  return (
    <Section id="notes" title={t("notes")} className="mt-8 max-w-3xl">
      <p className="text-sm">{t("notesHint")}</p>
      <ul className="mt-2 space-y-2">
        {notes.map((n) => (
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
          submissionId={submissionId}
          version={version}
          slug={slug}
          label={t("noteLabel")}
          submitLabel={t("addNote")}
          successText={t("noteAdded")}
        />
      </ClientMessages>
    </Section>
  );
}
