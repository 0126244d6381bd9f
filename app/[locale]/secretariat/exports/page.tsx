import { getFormatter, getTranslations } from "next-intl/server";
import { Forbidden } from "@/components/forbidden";
import { Pager } from "@/components/pager";
import { TableHead } from "@/components/table-head";
import { loadOrDeny, requirePageActor } from "@/lib/auth/page";
import { countExportLog, EXPORT_LOG_PAGE_SIZE, listExportLog } from "@/lib/exports/submissions";
import { defaultLocale, isLocale, localeAutonyms } from "@/lib/i18n/config";
import { countryName, languageNames } from "@/lib/i18n/format";

// The filters a reader needs; "sort" is left out, as every export lists the inputs oldest first.
const FILTER_ORDER = [
  "region",
  "status",
  "theme",
  "country",
  "orgType",
  "language",
  "from",
  "to",
  "q",
  "locale",
] as const;

/** Every export, who made it, of what, with which filters (exports are logged). */
export default async function ExportLogPage({ params, searchParams }: PageProps<"/[locale]/secretariat/exports">) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : defaultLocale;
  const sp = await searchParams;
  const actor = await requirePageActor(locale, "/secretariat/exports");
  const asked = Number(typeof sp.page === "string" ? sp.page : 1);
  const page = Number.isInteger(asked) && asked >= 1 && asked <= 100_000 ? asked : 1;
  const data = await loadOrDeny(() => Promise.all([listExportLog({ actor, page }), countExportLog({ actor })]));
  if (!data) return <Forbidden />;
  const [rows, total] = data;
  const t = await getTranslations("exportLog");
  const tm = await getTranslations("moderation");
  const ts = await getTranslations("mySubmissions.statuses");
  const to = await getTranslations("organisation.types");
  const tr = await getTranslations("regions");
  const format = await getFormatter();
  const langs = languageNames(locale);
  // Each filter in words: "Status: Accepted · Theme 5 · Language: French", never JSON.
  const value = (key: string, v: unknown): string => {
    const s = String(v);
    const known = (translate: { has: (k: never) => boolean } & ((k: never) => string), k: string) =>
      translate.has(k as never) ? translate(k as never) : s;
    switch (key) {
      case "status":
        return known(ts, s);
      case "orgType":
        return known(to, s);
      case "theme":
        return tm("themeN", { n: Number(s) || 0 });
      case "country":
        return countryName(locale, s);
      case "language":
        return s === "other"
          ? tm("otherLanguage")
          : (() => {
              try {
                return langs.of(s) ?? s;
              } catch {
                return s;
              }
            })();
      case "region":
        return known(tr, `${s}.name`);
      case "locale":
        return isLocale(s) ? localeAutonyms[s] : s;
      case "q":
        return t("quoted", { text: s });
      default:
        return s;
    }
  };
  const filtersInWords = (filters: unknown) => {
    const f = filters && typeof filters === "object" ? (filters as Record<string, unknown>) : {};
    const parts = FILTER_ORDER.filter((k) => f[k] !== undefined && f[k] !== null && f[k] !== "").map((k) =>
      t("filterValue", { label: t(k === "q" ? "search" : k), value: value(k, f[k]) }),
    );
    return parts.length ? parts.join(" · ") : t("noFilters");
  };
  const kind = (k: string) => (t.has(`kinds.${k}` as never) ? t(`kinds.${k}` as never) : k);
  const formatName = (f: string) => (t.has(`formats.${f}` as never) ? t(`formats.${f}` as never) : f);
  return (
    <>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <table className="mt-4 w-full text-start text-sm">
        <TableHead columns={[t("when"), t("who"), t("what"), t("filters")]} />
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b align-top" data-testid="export-log-row">
              <td>{format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" })}</td>
              <td dir="ltr">{r.actorEmail ?? ""}</td>
              <td>
                {kind(r.kind)} · {formatName(r.format)} · {r.consultation ?? t("all")}
              </td>
              <td>{filtersInWords(r.filters)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager
        page={page}
        pages={Math.max(1, Math.ceil(total / EXPORT_LOG_PAGE_SIZE))}
        href={(p) => `/secretariat/exports?page=${p}`}
      />
    </>
  );
}
