import { getTranslations } from "next-intl/server";
import { themeShortName, type ThemeLabel } from "@/lib/i18n/theme-labels";
import { SUBMISSION_STATUSES } from "@/lib/submissions/lifecycle";

export interface AuditRow {
  action: string;
  fromState: string | null;
  toState: string | null;
  note: string | null;
}

const STATUSES = new Set<string>(SUBMISSION_STATUSES);

/**
 * One line of an input's audit log said in words ("Accepted the input · Status: Submitted →
 * Accepted"), in the reader's language. The stored rows keep their codes (submission.accept …) and
 * the notes lib/ writes ("revision 2", "themes 1,4; keywords x"), which are read back here.
 */
export async function AuditEntry({
  entry,
  themes,
  detailed = false,
}: {
  entry: AuditRow;
  themes: ThemeLabel[];
  detailed?: boolean;
}) {
  const [t, ts] = await Promise.all([getTranslations("anchor.audit"), getTranslations("mySubmissions.statuses")]);
  const note = entry.note ?? "";
  const status = (s: string | null) => (s && STATUSES.has(s) ? ts(s as never) : "");
  const kind = entry.action.replace(/^submission\./, "");
  let sentence: string;
  const extra: string[] = [];
  let message: string | null = null;
  switch (kind) {
    case "submit":
    case "withdraw":
    case "accept":
    case "unpublish":
    case "note":
      sentence = t(kind);
      break;
    case "edit": {
      const n = /revision (\d+)/.exec(note)?.[1];
      sentence = n ? t("edit", { n }) : t("editNoNumber");
      break;
    }
    case "enteredOnBehalf": {
      const channel = /channel (email|paper|voice)/.exec(note)?.[1] ?? "other";
      sentence = t("enteredOnBehalf", { channel });
      if (note.includes("after the deadline")) extra.push(t("afterDeadline"));
      break;
    }
    case "requestChanges":
    case "reject":
      sentence = t(kind);
      message = note || null;
      break;
    case "markDuplicate":
      sentence = t("markDuplicate", { reference: note });
      break;
    case "tag": {
      sentence = t("tag");
      const themeIds = /themes ([\d,]+)/.exec(note)?.[1];
      const keywords = /keywords ([^;]+)/.exec(note)?.[1];
      if (themeIds)
        extra.push(
          t("tagThemes", {
            names: themeIds
              .split(",")
              .map((n) => themeShortName(themes, Number(n)))
              .join(", "),
          }),
        );
      if (keywords) extra.push(t("tagKeywords", { names: keywords.split(",").join(", ") }));
      break;
    }
    case "publish":
      sentence = t("publish", { how: note === "anonymous" ? "anonymous" : "named" });
      break;
    default:
      sentence = t("other");
  }
  const from = status(entry.fromState);
  const to = status(entry.toState);
  const change = from && to && from !== to ? t("statusChange", { from, to }) : null;
  if (!detailed) return <>{[sentence, ...extra].join(" ")}</>;
  return (
    <span data-testid="audit-sentence">
      <span className="font-medium">{[sentence, ...extra].join(" ")}</span>
      {change ? <span className="block text-xs text-slate-700">{change}</span> : null}
      {message ? (
        <span dir="auto" className="block whitespace-pre-line">
          {t("message", { text: message })}
        </span>
      ) : null}
    </span>
  );
}
