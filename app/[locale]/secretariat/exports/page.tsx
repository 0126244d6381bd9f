import { getFormatter, getTranslations } from "next-intl/server";
import { Forbidden } from "@/components/forbidden";
import { Pager } from "@/components/pager";
import { loadOrDeny, requirePageActor } from "@/lib/auth/page";
import { countExportLog, EXPORT_LOG_PAGE_SIZE, listExportLog } from "@/lib/exports/submissions";

/** Every export, who made it, of what, with which filters (SPEC §E: exports are logged). */
export default async function ExportLogPage({ params, searchParams }: PageProps<"/[locale]/secretariat/exports">) {
  const { locale } = await params;
  const sp = await searchParams;
  const actor = await requirePageActor(locale, "/secretariat/exports");
  const asked = Number(typeof sp.page === "string" ? sp.page : 1);
  const page = Number.isInteger(asked) && asked >= 1 && asked <= 100_000 ? asked : 1;
  const data = await loadOrDeny(() => Promise.all([listExportLog({ actor, page }), countExportLog({ actor })]));
  if (!data) return <Forbidden />;
  const [rows, total] = data;
  const t = await getTranslations("exportLog");
  const format = await getFormatter();
  return (
    <>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <table className="mt-4 w-full text-start text-sm">
        <thead>
          <tr className="border-b">
            <th scope="col" className="text-start">{t("when")}</th>
            <th scope="col" className="text-start">{t("who")}</th>
            <th scope="col" className="text-start">{t("what")}</th>
            <th scope="col" className="text-start">{t("filters")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b align-top" data-testid="export-log-row">
              <td>{format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" })}</td>
              <td dir="ltr">{r.actorEmail ?? ""}</td>
              <td dir="ltr">
                {r.kind} · {r.format} · {r.consultation ?? t("all")}
              </td>
              <td dir="ltr">{JSON.stringify(r.filters)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager page={page} pages={Math.max(1, Math.ceil(total / EXPORT_LOG_PAGE_SIZE))} href={(p) => `/secretariat/exports?page=${p}`} />
    </>
  );
}
