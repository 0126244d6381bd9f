import { getFormatter, getTranslations } from "next-intl/server";
import { AuditEntry } from "@/components/audit-entry";
import { TableHead } from "@/components/table-head";
import { Section } from "@/components/section";
import type { ThemeLabel } from "@/lib/i18n/theme-labels";
import type { ModerationDetail } from "@/lib/moderation/detail";

/** An input's audit log, newest first: when, who, and what happened in words. */
export async function AuditLog({ audit, themes }: { audit: ModerationDetail["audit"]; themes: ThemeLabel[] }) {
  const [t, ta] = await Promise.all([getTranslations("moderation"), getTranslations("anchor")]);
  const format = await getFormatter();
  return (
    <Section id="audit" title={t("auditLog")} className="mt-8">
      <table className="mt-2 w-full text-start text-sm">
        <TableHead
          rowClassName="border-b-2 border-slate-400"
          cellClassName="py-1 pe-3 text-start"
          columns={[t("when"), t("who"), { label: ta("audit.whatHappened"), className: "py-1 text-start" }]}
        />
        <tbody>
          {audit.map((a) => (
            <tr key={a.id} className="border-b border-slate-300 align-top" data-testid="audit-row">
              <td className="py-1 pe-3">{format.dateTime(a.createdAt, { dateStyle: "medium", timeStyle: "short" })}</td>
              <td className="py-1 pe-3">
                <bdi>{a.by}</bdi>
              </td>
              <td className="py-1">
                <AuditEntry entry={a} themes={themes} detailed />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
