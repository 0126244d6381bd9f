import "server-only";
// The frame every DOCX the portal hands out shares (the regional summary, the region's contribution,
// the secretariat's compilation): metadata naming the portal, never a person; a numbered-list style
// for recommendations; "Page n / N" in the footer, right to left in Arabic; and the table of
// contents' page numbers worked out as Word lays out the pages, so it is complete when opened.
import {
  AlignmentType,
  Document,
  Footer,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { estimatePageNumbersWith } from "docx/layout";

/** The numbering reference of the recommendations' list ("1.", "2." …). */
export const RECOMMENDATIONS = "recommendations";

/** A table across the page, its first row a header that repeats on every page the table runs onto. */
export const headedTable = (header: TableCell[], rows: TableRow[]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: header }), ...rows],
  });

export function pagedDocx(o: {
  creator: string;
  title: string;
  /** The footer's word for "Page". */
  page: string;
  rtl: boolean;
  landscape?: boolean;
  children: (Paragraph | Table | TableOfContents)[];
}): Promise<Buffer> {
  const document = new Document({
    creator: o.creator,
    title: o.title,
    numbering: {
      config: [
        {
          reference: RECOMMENDATIONS,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: "%1.",
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 720, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    // Best guess where Word's layout cannot be measured (e.g. Arabic).
    pageNumbers: estimatePageNumbersWith({ guess: true }),
    sections: [
      {
        ...(o.landscape ? { properties: { page: { size: { orientation: "landscape" as never } } } } : {}),
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                ...(o.rtl ? { bidirectional: true } : {}),
                children: [
                  new TextRun({
                    children: [`${o.page} `, PageNumber.CURRENT, " / ", PageNumber.TOTAL_PAGES],
                    ...(o.rtl ? { rightToLeft: true } : {}),
                  }),
                ],
              }),
            ],
          }),
        },
        children: o.children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
