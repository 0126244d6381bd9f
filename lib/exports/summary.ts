import "server-only";
// The regional summary: a DOCX with the consultation's facts, participation figures, inputs
// by theme and, per theme, the accepted inputs, for the anchors to edit into the region's
// consolidated input. Headings are in the requested language; each input keeps its own, marked on
// its runs, and right-to-left scripts are laid out right to left. A table of contents, page numbers,
// native charts (inputs by theme, country and type of organisation; drawn by Word and LibreOffice
// from their data, each with alt text and its figures written out after it), and each input's
// reference, linked to its page in the portal.
import {
  ExternalHyperlink,
  TableOfContents,
  HeadingLevel,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
} from "docx";
import { ChartRun } from "docx/charts";
import { createTranslator } from "next-intl";
import type { Locale } from "@/db/schema";
import { logExport } from "@/lib/audit";
import { canModerate, type Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { countryName, formatDateRange, formatNumber } from "@/lib/i18n/format";
import { loadMessages } from "@/lib/i18n/messages";
import { pagedDocx, RECOMMENDATIONS } from "./paged-document";
import { loadSummaryData, type SummaryData, type SummaryInput } from "./summary-data";

// Languages of inputs written right to left (Arabic script): Arabic, Persian, Urdu.
const RIGHT_TO_LEFT = new Set(["ar", "fa", "ur"]);

/** Direction and language of a piece of text: the document's own, or an input's. */
interface Voice {
  rtl: boolean;
  /** BCP 47 tag marked on the runs (spelling, hyphenation); none for "other". */
  lang?: string;
}

const documentVoice = (locale: Locale): Voice => ({ rtl: RIGHT_TO_LEFT.has(locale), lang: locale });
const inputVoice = (language: string): Voice => ({
  rtl: RIGHT_TO_LEFT.has(language),
  ...(language === "other" ? {} : { lang: language }),
});

// Characters XML 1.0 forbids (a pasted control character would make Word refuse the file).
const clean = (text: string) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");

function run(text: string, v: Voice, options: Omit<IRunOptions, "text"> = {}): TextRun {
  const language = v.lang ? (v.rtl ? { bidirectional: v.lang } : { value: v.lang }) : undefined;
  return new TextRun({
    ...options,
    text: clean(text),
    ...(v.rtl ? { rightToLeft: true } : {}),
    ...(language ? { language } : {}),
  });
}

/** A paragraph; a line break in the text (a recommendation over several lines) stays a line break. */
function para(
  text: string,
  v: Voice,
  options: Omit<IParagraphOptions, "children" | "text"> = {},
  runOptions: Omit<IRunOptions, "text"> = {},
): Paragraph {
  const lines = text.split(/\r\n?|\n/);
  return new Paragraph({
    ...options,
    ...(v.rtl ? { bidirectional: true } : {}),
    children: lines.map((line, i) => run(line, v, i ? { ...runOptions, break: 1 } : runOptions)),
  });
}

/** Plain text with line breaks: one paragraph per non-empty line. */
const paragraphs = (text: string, v: Voice) =>
  text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "")
    .map((line) => para(line, v));

// The text width of an A4 page with Word's default margins, in twentieths of a point.
const TEXT_WIDTH = 9026;

/** A table; the first column takes what the figures after it leave (they are short). */
function table(header: string[], rows: string[][], v: Voice): Table {
  const figure = 1500;
  const widths = [TEXT_WIDTH - figure * (header.length - 1), ...header.slice(1).map(() => figure)];
  const row = (cells: string[], head: boolean) =>
    new TableRow({
      tableHeader: head,
      children: cells.map(
        (c, i) =>
          new TableCell({
            width: { size: widths[i]!, type: WidthType.DXA },
            children: [para(c, v, {}, head ? { bold: true } : {})],
          }),
      ),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    ...(v.rtl ? { visuallyRightToLeft: true } : {}),
    rows: [row(header, true), ...rows.map((r) => row(r, false))],
  });
}

/** The DOCX for data already loaded and authorised. */
export async function renderSummary(
  data: SummaryData,
  locale: Locale,
  now = new Date(),
  baseUrl = "",
): Promise<Buffer> {
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages, namespace: "summary" });
  const tc = createTranslator({ locale, messages, namespace: "consultation" });
  const doc = documentVoice(locale);
  const num = (n: number) => formatNumber(locale, n);
  const field = (label: string, value: string) => para(t("field", { label, value }), doc);
  const list = new Intl.ListFormat(locale, { style: "long", type: "conjunction" });
  const languages = new Intl.DisplayNames([locale], { type: "language", fallback: "code" });
  const languageName = (code: string) => (code === "other" ? t("otherLanguage") : (languages.of(code) ?? code));
  // Catalogue values only through translators: under Next they are precompiled (next.config.js).
  const tTypes = createTranslator({ locale, messages, namespace: "organisation.types" });
  const tRegions = createTranslator({ locale, messages, namespace: "regions" });
  const tModeration = createTranslator({ locale, messages, namespace: "moderation" });

  const c = data.consultation;
  const regionText = (part: "name" | "city", fallback: string) => {
    const key = `${c.slug}.${part}` as never;
    return tRegions.has(key) ? tRegions(key) : fallback;
  };
  const city = regionText("city", c.city);
  const generated = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, {
    dateStyle: "long",
    timeZone: c.timeZone,
  }).format(now);
  const title = t("title", { city });

  const children: (Paragraph | Table | TableOfContents)[] = [
    para(title, doc, { heading: HeadingLevel.TITLE }),
    para(t("lead", { date: generated }), doc),
    para(t("contents"), doc, {}, { bold: true, size: 28 }),
    new TableOfContents(t("contents"), { hyperlink: true, headingStyleRange: "1-2" }),

    para(t("factsTitle"), doc, { heading: HeadingLevel.HEADING_1 }),
    field(t("region"), regionText("name", c.region)),
    field(t("location"), tc("locationValue", { city, country: countryName(locale, c.country) })),
    field(t("dates"), formatDateRange(locale, c.startsOn, c.endsOn)),
    field(t("anchors"), c.anchors),
  ];

  // ---------------------------------------------------------------- participation
  const orgs = data.organisationsByType.reduce((a, r) => a + r.n, 0);
  const people = data.participantsByAttendance;
  children.push(
    para(t("participationTitle"), doc, { heading: HeadingLevel.HEADING_1 }),
    para(t("participationLead", { organisations: num(orgs), participants: num(people.inPerson + people.remote) }), doc),
    para(t("byType"), doc, { heading: HeadingLevel.HEADING_2 }),
    table(
      [t("type"), t("count")],
      [...data.organisationsByType].sort((a, b) => b.n - a.n).map((r) => [tTypes(r.type), num(r.n)]),
      doc,
    ),
    para(t("byCountry"), doc, { heading: HeadingLevel.HEADING_2 }),
    table(
      [t("country"), t("count")],
      data.organisationsByCountry.map((r) => [countryName(locale, r.country), num(r.n)]),
      doc,
    ),
    para(t("byAttendance"), doc, { heading: HeadingLevel.HEADING_2 }),
    table(
      [t("attendance"), t("count")],
      [
        [t("inPerson"), num(people.inPerson)],
        [t("remote"), num(people.remote)],
        [t("total"), num(people.inPerson + people.remote)],
      ],
      doc,
    ),
  );

  // ---------------------------------------------------------------- inputs in figures: charts, each with its figures as text
  const chart = (
    heading: string,
    points: { label: string; long: string; n: number }[],
    after: (Paragraph | Table)[] = [],
  ) => {
    children.push(para(heading, doc, { heading: HeadingLevel.HEADING_2 }));
    if (!points.length) {
      children.push(para(t("chartNone"), doc, {}, { italics: true }));
      return;
    }
    const figures = points.map((p) => t("chartFigures", { label: p.long, n: num(p.n) }));
    children.push(
      new Paragraph({
        ...(doc.rtl ? { bidirectional: true } : {}),
        children: [
          new ChartRun({
            type: "bar",
            categories: points.map((p) => p.label),
            series: [{ name: t("chartSeries"), values: points.map((p) => p.n), color: "1D4ED8" }],
            legend: false,
            dataLabels: { value: true },
            // The first category at the top, as people read a ranking.
            categoryAxis: { reverseOrder: true },
            // The value axis along the bottom (with the categories reversed it would be at the top).
            valueAxis: { numberFormat: "0", crossesAt: "maximum" },
            transformation: { width: 600, height: Math.min(480, 90 + 26 * points.length) },
            altText: { name: heading, title: heading, description: figures.join("; ") },
          }),
        ],
      }),
      // The figures as text: the table given, else one line per bar.
      ...(after.length ? after : figures.map((f) => para(f, doc, { bullet: { level: 0 } }))),
    );
  };
  children.push(para(t("chartsTitle"), doc, { heading: HeadingLevel.HEADING_1 }), para(t("chartsLead"), doc));
  // By theme: the chart, then received and accepted per theme (the figures as text, in a table).
  chart(
    t("chartByTheme"),
    data.themes.map((th) => ({
      label: tModeration("themeN", { n: th.number }),
      long: t("themeHeading", { n: th.number, name: th.name }),
      n: data.inputs.byTheme.get(th.id)?.received ?? 0,
    })),
    [
      para(t("inputsLead", { received: num(data.inputs.received), accepted: num(data.inputs.accepted) }), doc),
      table(
        [t("theme"), t("received"), t("accepted")],
        data.themes.map((th) => {
          const n = data.inputs.byTheme.get(th.id);
          return [`${th.number}. ${th.name}`, num(n?.received ?? 0), num(n?.accepted ?? 0)];
        }),
        doc,
      ),
    ],
  );
  const TOP_COUNTRIES = 12;
  const countries = data.inputsByCountry
    .slice(0, TOP_COUNTRIES)
    .map((r) => ({ label: countryName(locale, r.country), long: countryName(locale, r.country), n: r.n }));
  const rest = data.inputsByCountry.slice(TOP_COUNTRIES).reduce((a, r) => a + r.n, 0);
  if (rest) countries.push({ label: t("chartOther"), long: t("chartOther"), n: rest });
  chart(t("chartByCountry"), countries);
  chart(
    t("chartByType"),
    data.inputsByType.map((r) => ({ label: tTypes(r.type), long: tTypes(r.type), n: r.n })),
  );

  // ---------------------------------------------------------------- accepted inputs, per theme
  let instance = 0;
  // The reference, linked to the input's page in the portal (for its anchors and the secretariat).
  const reference = (s: SummaryInput): Paragraph => {
    const href = baseUrl ? `${baseUrl}/${locale}/moderation/${c.slug}/submissions/${s.id}` : null;
    const label = run(t("field", { label: t("reference"), value: "" }), doc);
    const ref = href
      ? new ExternalHyperlink({ link: href, children: [run(s.reference, { rtl: false }, { style: "Hyperlink" })] })
      : run(s.reference, { rtl: false });
    return new Paragraph({ ...(doc.rtl ? { bidirectional: true } : {}), children: [label, ref] });
  };
  const entry = (s: SummaryInput): Paragraph[] => {
    const own = inputVoice(s.language);
    const out = [
      para(s.title, own, { heading: HeadingLevel.HEADING_3 }),
      field(
        t("organisation"),
        s.organisation ? `${s.organisation.name} (${countryName(locale, s.organisation.country)})` : t("anonymous"),
      ),
      field(
        t("countries"),
        s.countries.length ? list.format(s.countries.map((code) => countryName(locale, code))) : t("none"),
      ),
      field(t("language"), languageName(s.language)),
      reference(s),
    ];
    if (s.publication === "none") out.push(para(t("notForPublication"), doc, {}, { italics: true }));
    out.push(para(t("summary"), doc, {}, { bold: true }), ...paragraphs(s.summary, own));
    if (s.recommendations.length) {
      instance += 1;
      out.push(
        para(t("recommendations"), doc, {}, { bold: true }),
        ...s.recommendations.map((r) =>
          para(r, own, { numbering: { reference: RECOMMENDATIONS, level: 0, instance } }),
        ),
      );
    }
    return out;
  };
  children.push(para(t("acceptedTitle"), doc, { heading: HeadingLevel.HEADING_1 }), para(t("acceptedLead"), doc));
  for (const th of data.themes) {
    children.push(para(t("themeHeading", { n: th.number, name: th.name }), doc, { heading: HeadingLevel.HEADING_2 }));
    const under = data.accepted.filter((s) => s.themes.includes(th.id));
    if (!under.length) children.push(para(t("noAccepted"), doc, {}, { italics: true }));
    for (const s of under) children.push(...entry(s));
  }

  // No person's name in the file's metadata: the portal made it.
  return pagedDocx({
    creator: createTranslator({ locale, messages, namespace: "common" })("siteName"),
    title,
    page: t("page"),
    rtl: doc.rtl,
    children,
  });
}

/** Which summary, for whom: the consultation's anchors and the secretariat only. */
interface SummaryRequest {
  actor: Actor;
  consultationId: string;
  locale: Locale;
  baseUrl?: string;
}

async function summaryDataFor({ actor, consultationId, locale }: SummaryRequest): Promise<SummaryData> {
  if (!canModerate(actor, consultationId)) throw new NotFoundError();
  const data = await loadSummaryData(consultationId, locale);
  if (!data) throw new NotFoundError();
  return data;
}

/** The summary of one consultation; not logged (callers log). */
export async function renderRegionalSummary(request: SummaryRequest & { now?: Date }): Promise<Buffer> {
  const data = await summaryDataFor(request);
  return renderSummary(data, request.locale, request.now, request.baseUrl);
}

/** The regional summary as a DOCX; logged. */
export async function buildRegionalSummary(request: SummaryRequest): Promise<Buffer> {
  const data = await summaryDataFor(request);
  await logExport(request.actor.userId, {
    consultationId: request.consultationId,
    format: "docx",
    kind: "summary",
    filters: { locale: request.locale },
    rowCount: data.accepted.length,
  });
  return renderSummary(data, request.locale, new Date(), request.baseUrl);
}
