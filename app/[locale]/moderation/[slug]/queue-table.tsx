import { getFormatter, getTranslations } from "next-intl/server";
import { themeShortName, type ThemeLabel } from "@/lib/i18n/theme-labels";
import type { QueueRow } from "@/lib/moderation/queue";
import type { QueueFilters } from "@/lib/moderation/schemas";
import { bulkModerateAction } from "../actions";
import { BulkActions } from "./bulk-actions";
import { TableHead } from "@/components/table-head";

// q-row, q-cell, q-label and q-note: app/globals.css (one short class where 50 rows repeated the utilities).

/**
 * The queue's table, a page of inputs: in the form that carries the anchors' bulk actions (a checkbox
 * per row for a consultation's anchors), one row per input with its reference, region (all
 * consultations), title, themes, language and keywords, organisation, status and date sent.
 */
export async function QueueTable({
  slug,
  consultationId,
  here,
  all,
  sort,
  rows,
  rowBase,
  themes,
  regionNamesById,
  langName,
}: {
  slug: string;
  /** The consultation whose anchors may act on the rows; null on all consultations (no bulk actions). */
  consultationId: string | null;
  /** This page, to come back to after a bulk action. */
  here: string;
  all: boolean;
  sort: QueueFilters["sort"];
  rows: QueueRow[];
  /** The link to an input without its id. */
  rowBase: string;
  themes: ThemeLabel[];
  regionNamesById: Map<string, string>;
  langName: (l: string) => string;
}) {
  const [t, ta, ts, to] = await Promise.all([
    getTranslations("moderation"),
    getTranslations("anchor"),
    getTranslations("mySubmissions"),
    getTranslations("organisation"),
  ]);
  const format = await getFormatter();
  // A consultation's anchors select rows for the bulk actions; on all consultations, no checkboxes.
  const bulk = consultationId !== null;
  // The stacked rows' labels (narrow screens), one string each: no text-node separators per row.
  const labels = {
    reference: `${t("reference")}: `,
    region: `${t("region")}: `,
    organisation: `${t("organisation")}: `,
    status: `${t("status")}: `,
    submitted: `${t("submitted")}: `,
  };
  const [verified, unverified, registered, notRegistered] = [
    t("verified"),
    t("unverified"),
    t("registered"),
    t("notRegistered"),
  ];
  return (
    <form action={bulkModerateAction} className="mt-2">
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="consultationId" value={consultationId ?? ""} />
      <input type="hidden" name="back" value={here} />
      {bulk ? <BulkActions /> : null}
      <table className="w-full text-start text-sm" data-testid="queue-table">
        <caption className="sr-only">{sort === "oldest" ? ta("queueCaptionOldest") : ta("queueCaption")}</caption>
        <TableHead
          className="sr-only sm:not-sr-only"
          rowClassName="border-b-2 border-slate-400"
          cellClassName="py-2 pe-3 text-start"
          columns={[
            bulk && { label: <span className="sr-only">{t("select")}</span>, className: "w-8 py-2 text-start" },
            t("reference"),
            all && t("region"),
            t("inputTitle"),
            t("organisation"),
            t("status"),
            { label: t("submitted"), className: "py-2 text-start" },
          ]}
        />
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="q-row" data-testid="queue-row">
              {bulk ? (
                <td className="q-cell float-end sm:float-none">
                  <input
                    type="checkbox"
                    name="selected"
                    value={`${r.id}:${r.version}`}
                    aria-label={t("selectRow", { reference: r.reference ?? "" })}
                    className="h-5 w-5"
                  />
                </td>
              ) : null}
              <td className="q-cell">
                <span className="q-label">{labels.reference}</span>
                <span dir="ltr" className="whitespace-nowrap font-mono">
                  {r.reference}
                </span>
              </td>
              {all ? (
                <td className="q-cell">
                  <span className="q-label">{labels.region}</span>
                  <span data-testid="queue-region">{regionNamesById.get(r.consultationId)}</span>
                </td>
              ) : null}
              {/* 50 rows: plain links keep the render and the page small. */}
              <td className="q-cell">
                <a href={`${rowBase}${r.id}`} className="font-medium text-brand underline" dir="auto">
                  {r.title}
                </a>
                <span className="q-note">{r.themes.map((n) => themeShortName(themes, n)).join(" · ")}</span>
                <span className="q-note">
                  {r.keywords.length ? `${langName(r.language)} · ${r.keywords.join(", ")}` : langName(r.language)}
                </span>
              </td>
              <td className="q-cell">
                <span className="q-label">{labels.organisation}</span>
                <bdi>{r.organisation.name}</bdi>
                <span className="q-note">
                  {`${to(`types.${r.organisation.type}` as never)} · ${r.organisation.verified ? verified : unverified} · ${r.organisation.registered ? registered : notRegistered}`}
                </span>
              </td>
              <td className="q-cell">
                <span className="q-label">{labels.status}</span>
                {ts(`statuses.${r.status}` as never)}
                {r.channel !== "web" ? (
                  <span className="q-note" data-testid="queue-channel">
                    {t("receivedBy", { channel: r.channel })}
                  </span>
                ) : null}
              </td>
              <td className="q-cell">
                <span className="q-label">{labels.submitted}</span>
                {r.submittedAt ? format.dateTime(r.submittedAt, { dateStyle: "medium" }) : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </form>
  );
}
