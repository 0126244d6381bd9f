import { getTranslations } from "next-intl/server";
import { LocaleLink } from "@/components/locale-link";
import { loadOrDeny, requirePageActor } from "@/lib/auth/page";
import { defaultLocale, isLocale } from "@/lib/i18n/config";
import { getOwnSubmission } from "@/lib/submissions";
import { withdrawSubmissionAction } from "../../../consultations/[slug]/submit/actions";
import { canWithdrawOrDiscard } from "@/lib/submissions/lifecycle";

/** Deleting a draft or withdrawing an input asks first: this page is the question (no script needed). */
export default async function WithdrawSubmissionPage({ params }: PageProps<"/[locale]/submissions/[id]/withdraw">) {
  const { locale: raw, id } = await params;
  const locale = isLocale(raw) ? raw : defaultLocale;
  const actor = await requirePageActor(locale, `/submissions/${id}/withdraw`);
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const own = await loadOrDeny(() => getOwnSubmission({ actor, submissionId: id }));
  if (!own) return null;
  const { submission: s } = own;
  const t = await getTranslations("journey");
  const ts = await getTranslations("submission");
  const draft = s.status === "draft";
  if (!canWithdrawOrDiscard(s.status)) {
    return <p role="alert">{(await getTranslations("errors"))("invalidTransition")}</p>;
  }
  return (
    <>
      <h1 className="text-3xl font-bold">{draft ? t("deleteDraftTitle") : t("withdrawTitle")}</h1>
      <p className="mt-2 text-lg" dir="auto">
        {s.reference ? `${s.reference} · ` : ""}
        {s.title || ts("untitled")}
      </p>
      <p className="mt-4 max-w-2xl">{draft ? t("deleteDraftBody") : t("withdrawBody")}</p>
      <div className="mt-6 flex flex-wrap items-center gap-4">
        <form action={withdrawSubmissionAction}>
          <input type="hidden" name="submissionId" value={s.id} />
          <input type="hidden" name="version" value={s.version} />
          <button type="submit" className="rounded bg-red-800 px-4 py-2 font-semibold text-white">
            {draft ? t("deleteDraftConfirm") : t("withdrawConfirm")}
          </button>
        </form>
        <LocaleLink href={`/submissions/${s.id}`} className="text-brand underline">
          {draft ? t("keepDraft") : t("keepInput")}
        </LocaleLink>
      </div>
    </>
  );
}
