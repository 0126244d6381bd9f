import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { Section } from "@/components/section";
import type { ThemeLabel } from "@/lib/i18n/theme-labels";
import type { ModerationDetail } from "@/lib/moderation/detail";
import { canMove } from "@/lib/submissions/lifecycle";
import { moderateButtonAction } from "../../../actions";
import { MessageForm } from "../../../message-form";

/**
 * A moderator's actions on one input: accept, publish or unpublish (as its status allows), mark as a
 * duplicate, add themes and keywords, request changes (when the organisation has members to make
 * them) and reject with a message.
 */
export async function ModerationActions({
  s,
  slug,
  themes,
  hasMembers,
}: {
  s: ModerationDetail["submission"];
  slug: string;
  themes: ThemeLabel[];
  /** The organisation has members, who could make requested changes. */
  hasMembers: boolean;
}) {
  const [t, tf, te] = await Promise.all([
    getTranslations("moderation"),
    getTranslations("submission"),
    getTranslations("errors"),
  ]);
  // What the two message forms (request changes, reject) send with their message.
  const message = { submissionId: s.id, version: s.version, slug };
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

  return (
    <Section id="actions" title={t("actions")} className="mt-6">
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
              <input name="keywords" maxLength={300} dir="auto" className="rounded border border-slate-500 px-2 py-1" />
            </label>
          </>,
        )}
      </div>
      <ClientMessages namespaces={[]}>
        <div className="mt-4 grid gap-6 md:grid-cols-2">
          {hasMembers ? (
            <MessageForm
              kind="requestChanges"
              {...message}
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
            {...message}
            label={t("rejectReason")}
            submitLabel={t("reject")}
            successText={t("rejected")}
          />
        </div>
      </ClientMessages>
    </Section>
  );
}
