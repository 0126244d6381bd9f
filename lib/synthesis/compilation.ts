import "server-only";
// The secretariat's global compilation of the regions' contributions (submitted, returned or final):
// per theme, the regions side by side, as one DOCX (a table per theme: region, synthesis,
// recommendations, each with the references it cites) and one XLSX (a row per citation: region,
// theme, paragraph, the input cited). Headings in the language asked for; each region's text as
// its anchors wrote it. Secretariat only; each download is logged.
import ExcelJS from "exceljs";
import { HeadingLevel, Paragraph, Table, TableCell, TableOfContents, TableRow, TextRun } from "docx";
import { eq, inArray } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { getDb } from "@/db/client";
import { organisations, submissions } from "@/db/schema";
import { logExport } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError } from "@/lib/errors";
import { countryName } from "@/lib/i18n/format";
import type { AppLocale } from "@/lib/i18n/config";
import { loadMessages } from "@/lib/i18n/messages";
import { headedTable, pagedDocx } from "@/lib/exports/paged-document";
import { sheetName, xmlSafe } from "@/lib/exports/xlsx";
import { getContribution, listContributions, type ContributionView } from "./index";

interface Compiled {
  regions: { slug: string; region: string; view: ContributionView }[];
  themes: { id: number; name: string }[];
}

async function compile(actor: Actor, locale: AppLocale): Promise<Compiled> {
  if (!actor.secretariat) throw new ForbiddenError();
  const messages = await loadMessages(locale);
  const tRegions = createTranslator({ locale, messages, namespace: "regions" });
  const list = await listContributions({ actor });
  const regions = [];
  for (const r of list) {
    const view = await getContribution({ actor, consultationId: r.consultationId, locale });
    const key = `${r.slug}.name` as never;
    regions.push({ slug: r.slug, region: tRegions.has(key) ? tRegions(key) : r.region, view });
  }
  const themes = new Map<number, string>();
  for (const r of regions) for (const s of r.view.sections) themes.set(s.themeId, s.themeName);
  return { regions, themes: [...themes].sort((a, b) => a[0] - b[0]).map(([id, name]) => ({ id, name })) };
}

async function log(actor: Actor, format: "docx" | "xlsx", rows: number, locale: AppLocale) {
  await logExport(actor.userId, {
    consultationId: null,
    format,
    kind: "compilation",
    filters: { locale },
    rowCount: rows,
  });
}

/** The compilation as a DOCX: per theme, a table with a row per region. */
export async function buildCompilationDocx({ actor, locale }: { actor: Actor; locale: AppLocale }): Promise<Buffer> {
  const { regions, themes } = await compile(actor, locale);
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages, namespace: "synthesis" });
  const tSummary = createTranslator({ locale, messages, namespace: "summary" });
  const rtl = locale === "ar";
  const p = (text: string, opts: { heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]; bold?: boolean } = {}) =>
    new Paragraph({
      ...(opts.heading ? { heading: opts.heading } : {}),
      ...(rtl ? { bidirectional: true } : {}),
      children: [new TextRun({ text, bold: opts.bold, ...(rtl ? { rightToLeft: true } : {}) })],
    });
  const withRefs = (text: string, refs: (string | null)[]) =>
    refs.length ? `${text} [${refs.map((r) => r ?? "?").join("; ")}]` : text;
  const children: (Paragraph | Table | TableOfContents)[] = [
    p(t("compilationTitle"), { heading: HeadingLevel.TITLE }),
    p(t("compilationIntro")),
    new TableOfContents(tSummary("contents"), { hyperlink: true, headingStyleRange: "1-1" }),
  ];
  let rows = 0;
  for (const theme of themes) {
    children.push(p(theme.name, { heading: HeadingLevel.HEADING_1 }));
    const cell = (paras: Paragraph[]) => new TableCell({ children: paras.length ? paras : [p("—")] });
    children.push(
      headedTable(
        [t("compilationRegion"), t("compilationSynthesis"), t("compilationRecommendations")].map((h) =>
          cell([p(h, { bold: true })]),
        ),
        regions.map((r) => {
          const s = r.view.sections.find((x) => x.themeId === theme.id);
          const items = s?.items ?? [];
          rows += items.length;
          return new TableRow({
            children: [
              cell([p(r.region, { bold: true }), p(t(`status.${r.view.contribution.status}`))]),
              cell(
                items
                  .filter((i) => i.kind === "paragraph")
                  .map((i) =>
                    p(
                      withRefs(
                        i.text,
                        i.citations.map((c) => c.reference),
                      ),
                    ),
                  ),
              ),
              cell(
                items
                  .filter((i) => i.kind === "recommendation")
                  .map((i, n) =>
                    p(
                      `${n + 1}. ${withRefs(
                        i.text,
                        i.citations.map((c) => c.reference),
                      )}`,
                    ),
                  ),
              ),
            ],
          });
        }),
      ),
    );
  }
  await log(actor, "docx", rows, locale);
  return pagedDocx({
    creator: createTranslator({ locale, messages, namespace: "common" })("siteName"),
    title: t("compilationTitle"),
    page: tSummary("page"),
    rtl,
    landscape: true,
    children,
  });
}

/** The compilation as an XLSX: a row per citation (an item citing nothing: one row, no input). */
export async function buildCompilationXlsx({ actor, locale }: { actor: Actor; locale: AppLocale }): Promise<Buffer> {
  const { regions } = await compile(actor, locale);
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages, namespace: "synthesis" });
  const db = await getDb();
  const ids = [
    ...new Set(
      regions.flatMap((r) => r.view.sections.flatMap((s) => s.items.flatMap((i) => i.citations.map((c) => c.id)))),
    ),
  ];
  const extra = ids.length
    ? await db
        .select({ id: submissions.id, publication: submissions.publication, organisation: organisations.name })
        .from(submissions)
        .innerJoin(organisations, eq(organisations.id, submissions.organisationId))
        .where(inArray(submissions.id, ids))
    : [];
  const org = new Map(extra.map((e) => [e.id, e.publication === "anonymous" ? t("anonymous") : e.organisation]));
  const wb = new ExcelJS.Workbook();
  wb.creator = createTranslator({ locale, messages, namespace: "common" })("siteName");
  const ws = wb.addWorksheet(sheetName(t("compilationTitle")), {
    views: [{ state: "frozen", ySplit: 1, rightToLeft: locale === "ar" }],
  });
  const columns = [
    { header: t("compilationRegion"), width: 24 },
    { header: t("statusLine", { status: "" }).replace(/[:：]\s*$/, ""), width: 22 },
    { header: t("compilationTheme"), width: 30 },
    { header: t("kind"), width: 16 },
    { header: t("compilationPosition"), width: 8 },
    { header: t("text"), width: 70 },
    { header: t("annexReference"), width: 16 },
    { header: t("annexInput"), width: 40 },
    { header: t("annexOrganisation"), width: 30 },
    { header: t("annexCountries"), width: 30 },
  ];
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  let rows = 0;
  for (const r of regions)
    for (const s of r.view.sections)
      for (const [n, item] of s.items.entries()) {
        const base = [
          r.region,
          t(`status.${r.view.contribution.status}`),
          s.themeName,
          t(item.kind),
          n + 1,
          xmlSafe(item.text),
        ];
        const cited = item.citations.length ? item.citations : [null];
        for (const c of cited) {
          ws.addRow([
            ...base,
            c?.reference ?? "",
            c ? xmlSafe(c.title) : "",
            c ? (org.get(c.id) ?? "") : "",
            c ? c.countries.map((x) => countryName(locale, x)).join(", ") : "",
          ]).alignment = { vertical: "top", wrapText: true };
          rows++;
        }
      }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  await log(actor, "xlsx", rows, locale);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
