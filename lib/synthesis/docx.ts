import "server-only";
// The region's contribution as a DOCX, in the language it was written in: per theme its paragraphs
// (each followed by the references of the inputs it cites) and numbered recommendations, a table of
// contents, page numbers, and an annex listing every cited input (reference, title, organisation
// unless the input is anonymous, countries). For the consultation's anchors and, once submitted,
// the secretariat (getContribution decides); each download is logged.
import { HeadingLevel, Paragraph, Table, TableCell, TableOfContents, TableRow, TextRun } from "docx";
import { inArray, eq } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { getDb } from "@/db/client";
import { consultations, organisations, submissions } from "@/db/schema";
import { logExport } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { countryName } from "@/lib/i18n/format";
import { loadMessages } from "@/lib/i18n/messages";
import { headedTable, pagedDocx, RECOMMENDATIONS } from "@/lib/exports/paged-document";
import { getContribution, type ContributionView } from "./index";

export async function renderContributionDocx(view: ContributionView, slug: string): Promise<Buffer> {
  const locale = view.contribution.language;
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages, namespace: "synthesis" });
  const tSummary = createTranslator({ locale, messages, namespace: "summary" });
  const tRegions = createTranslator({ locale, messages, namespace: "regions" });
  const tStatus = createTranslator({ locale, messages, namespace: "synthesis.status" });
  const rtl = locale === "ar";
  const p = (
    text: string,
    options: {
      heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel];
      italics?: boolean;
      bold?: boolean;
      numbered?: boolean;
    } = {},
  ) =>
    new Paragraph({
      ...(options.heading ? { heading: options.heading } : {}),
      ...(options.numbered ? { numbering: { reference: RECOMMENDATIONS, level: 0 } } : {}),
      ...(rtl ? { bidirectional: true } : {}),
      children: [
        new TextRun({ text, italics: options.italics, bold: options.bold, ...(rtl ? { rightToLeft: true } : {}) }),
      ],
    });
  const regionKey = `${slug}.name` as never;
  const region = tRegions.has(regionKey) ? tRegions(regionKey) : view.consultation.region;
  const title = t("title", { region });

  const children: (Paragraph | Table | TableOfContents)[] = [
    p(title, { heading: HeadingLevel.TITLE }),
    p(t("statusLine", { status: tStatus(view.contribution.status) })),
    p(t("intro")),
    p(tSummary("contents"), { bold: true }),
    new TableOfContents(tSummary("contents"), { hyperlink: true, headingStyleRange: "1-1" }),
  ];
  const cited = new Map<string, string>();
  for (const s of view.sections) {
    children.push(p(s.themeName, { heading: HeadingLevel.HEADING_1 }));
    if (!s.items.length) children.push(p(t("noItems"), { italics: true }));
    for (const item of s.items) {
      const refs = item.citations.map((c) => c.reference ?? "?");
      for (const c of item.citations) cited.set(c.id, c.reference ?? "");
      const text = refs.length ? `${item.text} [${refs.join("; ")}]` : item.text;
      children.push(item.kind === "recommendation" ? p(text, { numbered: true }) : p(text));
    }
  }

  // The annex: every cited input, in reference order, the organisation named unless anonymous.
  const db = await getDb();
  const ids = [...cited.keys()];
  const rows = ids.length
    ? await db
        .select({
          reference: submissions.reference,
          title: submissions.title,
          publication: submissions.publication,
          countries: submissions.countries,
          organisation: organisations.name,
        })
        .from(submissions)
        .innerJoin(organisations, eq(organisations.id, submissions.organisationId))
        .where(inArray(submissions.id, ids))
    : [];
  rows.sort((a, b) => (a.reference ?? "").localeCompare(b.reference ?? ""));
  children.push(p(t("annexTitle"), { heading: HeadingLevel.HEADING_1 }));
  const cell = (text: string, bold = false) => new TableCell({ children: [p(text, { bold })] });
  children.push(
    headedTable(
      [t("annexReference"), t("annexInput"), t("annexOrganisation"), t("annexCountries")].map((h) => cell(h, true)),
      rows.map(
        (r) =>
          new TableRow({
            children: [
              cell(r.reference ?? ""),
              cell(r.title),
              cell(r.publication === "anonymous" ? t("anonymous") : r.organisation),
              cell(r.countries.map((c) => countryName(locale, c)).join(", ")),
            ],
          }),
      ),
    ),
  );

  return pagedDocx({
    creator: createTranslator({ locale, messages, namespace: "common" })("siteName"),
    title,
    page: tSummary("page"),
    rtl,
    children,
  });
}

/** The contribution's DOCX for whoever may read it (getContribution decides); logged. */
export async function buildContributionDocx({
  actor,
  consultationId,
}: {
  actor: Actor;
  consultationId: string;
}): Promise<{ docx: Buffer; slug: string; locale: string }> {
  const first = await getContribution({ actor, consultationId, locale: actor.locale });
  // Theme names in the language the contribution is written in.
  const view =
    first.contribution.language === actor.locale
      ? first
      : await getContribution({ actor, consultationId, locale: first.contribution.language });
  const db = await getDb();
  const [c] = await db
    .select({ slug: consultations.slug })
    .from(consultations)
    .where(eq(consultations.id, consultationId));
  const docx = await renderContributionDocx(view, c!.slug);
  await logExport(actor.userId, {
    consultationId,
    format: "docx",
    kind: "contribution",
    filters: { locale: view.contribution.language },
    rowCount: view.sections.reduce((n, s) => n + s.items.length, 0),
  });
  return { docx, slug: c!.slug, locale: view.contribution.language };
}
