import { getTranslations } from "next-intl/server";

/**
 * The anchors' bulk actions on the queue's selected inputs (accept, add a keyword, request changes,
 * reject with one message): buttons of the queue's form, which holds the checkboxes.
 */
export async function BulkActions() {
  const [t, ta] = await Promise.all([getTranslations("moderation"), getTranslations("anchor")]);
  return (
    <fieldset className="mb-3 rounded border border-slate-300 p-3 text-sm" data-testid="bulk-actions">
      <legend className="px-1 font-semibold">{t("bulkTitle")}</legend>
      <p className="text-slate-700">{ta("bulkHint")}</p>
      <div className="mt-2 flex flex-wrap items-end gap-2">
        <button
          type="submit"
          name="action"
          value="accept"
          formNoValidate
          className="rounded border border-slate-600 px-3 py-1"
        >
          {t("bulkAccept")}
        </button>
        <label className="flex flex-col">
          <span>{t("bulkKeyword")}</span>
          <input name="keyword" maxLength={60} dir="auto" className="rounded border border-slate-500 px-2 py-1" />
        </label>
        <button
          type="submit"
          name="action"
          value="keyword"
          formNoValidate
          className="rounded border border-slate-600 px-3 py-1"
        >
          {ta("bulkKeywordAction")}
        </button>
      </div>
      <label className="mt-3 flex max-w-xl flex-col">
        <span>{ta("bulkMessage")}</span>
        <textarea
          name="message"
          rows={3}
          maxLength={4000}
          required
          dir="auto"
          className="rounded border border-slate-500 px-2 py-1"
        />
      </label>
      <div className="mt-2 flex flex-wrap gap-2">
        <button
          type="submit"
          name="action"
          value="requestChanges"
          className="rounded border border-slate-600 px-3 py-1"
        >
          {ta("bulkRequestChanges")}
        </button>
        <button
          type="submit"
          name="action"
          value="reject"
          className="rounded border border-red-800 px-3 py-1 text-red-800"
        >
          {ta("bulkReject")}
        </button>
      </div>
    </fieldset>
  );
}
