import "server-only";
import { PassThrough, type Readable } from "node:stream";
import ExcelJS from "exceljs";

// exceljs's streaming writer ignores backpressure: rows written faster than the zip deflates them (or
// than the client downloads) pile up in memory, 300 MB at 100,000 inputs. So every few hundred rows
// the writer waits while more than XLSX_BACKLOG bytes of the sheet's XML are still waiting for the zip
// (in the sheet's own buffer, 64 KB chunks, or in the zip's input stream).
const XLSX_BACKLOG = 8 * 1024 * 1024;
interface SheetInternals {
  stream?: { buffers?: unknown[]; pipes?: { _writableState?: { length?: number } }[] };
}
export async function whileBacklogged(sheet: unknown, out: PassThrough) {
  const stream = (sheet as SheetInternals).stream;
  const backlog = () => (stream?.buffers?.length ?? 0) * 65_536 + (stream?.pipes?.[0]?._writableState?.length ?? 0);
  while (backlog() > XLSX_BACKLOG) {
    // A download cancelled midway: stop reading rows instead of waiting for ever.
    if (out.destroyed) throw new Error("XLSX export cancelled");
    await new Promise((r) => setTimeout(r, 5));
  }
}

// ---------------------------------------------------------------- sheets made for reading
// Column widths, wrapped long text aligned to the top, a bold header row that stays in view and
// carries the filter buttons, instants as real dates, right to left in Arabic. Text cells are written
// as they are: an XLSX text cell never runs as a formula (the apostrophe is the CSV's guard alone).
// Each cell gets one shared style object per kind: exceljs caches a style's id by object, so the
// styles cost nothing per row (a fresh object per cell cost a style lookup per cell).
export type XlsxKind = "text" | "long" | "code" | "date" | "number" | "link";
export type XlsxValue = string | number | Date | null | { text: string; hyperlink: string };

const top = { vertical: "top" } as const;
const STYLES: Record<XlsxKind | "header", Partial<ExcelJS.Style>> = {
  header: {
    font: { bold: true },
    alignment: { vertical: "top", wrapText: true },
    fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2E8F0" } },
  },
  text: { alignment: { ...top, wrapText: true } },
  long: { alignment: { ...top, wrapText: true } },
  code: { alignment: top },
  number: { alignment: top },
  date: { alignment: top, numFmt: "yyyy-mm-dd hh:mm" },
  link: { alignment: top, font: { color: { argb: "FF1D4ED8" }, underline: true } },
};
const ROW_STYLE = {};

// Characters XML 1.0 forbids: one pasted control character would make Excel refuse the whole file.
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
export const xmlSafe = (s: string) => s.replace(XML_FORBIDDEN, "");

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\ . */
export const sheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, " ").slice(0, 31);

function columnLetter(n: number): string {
  let s = "";
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

// Neither Excel nor LibreOffice grows a row to fit wrapped text when it opens a file (only on an
// edit), so each row is given the height its longest cell needs: lines of about `width` characters
// (a column's width counts digits; text runs a little narrower), 15 points each, up to Excel's
// maximum of 409 points.
const LINE_POINTS = 15;
const MAX_ROW_POINTS = 409;
function linesNeeded(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 1.1));
  let lines = 0;
  for (const paragraph of text.split("\n")) lines += Math.max(1, Math.ceil(paragraph.length / perLine));
  return lines;
}
function rowHeight(
  values: readonly XlsxValue[],
  columns: readonly { width: number; kind: XlsxKind }[],
): number | undefined {
  let lines = 1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const c = columns[i]!;
    if (typeof v === "string" && (c.kind === "long" || c.kind === "text") && (v.length > c.width || v.includes("\n")))
      lines = Math.max(lines, linesNeeded(v, c.width));
  }
  return lines > 1 ? Math.min(MAX_ROW_POINTS, lines * LINE_POINTS) : undefined;
}

export interface ReadableSheet {
  add(values: readonly XlsxValue[]): void;
  /** Waits while the workbook is behind (see whileBacklogged), every few hundred rows. */
  pace(): Promise<void>;
  commit(): void;
}

export function readableSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  out: PassThrough,
  name: string,
  columns: readonly { header: string; width: number; kind: XlsxKind }[],
  rtl: boolean,
): ReadableSheet {
  const sheet = workbook.addWorksheet(sheetName(name), {
    views: [{ state: "frozen", ySplit: 1, rightToLeft: rtl }],
    // Printed across A4 landscape pages, the header row at the top of each.
    pageSetup: { orientation: "landscape", paperSize: 9, printTitlesRow: "1:1" },
  });
  sheet.autoFilter = `A1:${columnLetter(columns.length)}1`;
  // Wide enough for the header in at most three lines, whatever its language.
  columns = columns.map((c) => ({ ...c, width: Math.max(c.width, Math.ceil(c.header.length / 3 / (0.85 * 1.1)) + 1) }));
  sheet.columns = columns.map((c) => ({ width: c.width }));
  const styles = columns.map((c) => STYLES[c.kind]);
  const header = sheet.addRow(columns.map((c) => xmlSafe(c.header)));
  (header as unknown as { style: object }).style = ROW_STYLE;
  // Bold runs wider: a little less per line.
  const headerHeight = rowHeight(
    columns.map((c) => c.header),
    columns.map((c) => ({ ...c, width: c.width * 0.85, kind: "text" as const })),
  );
  if (headerHeight) header.height = headerHeight;
  header.eachCell((cell) => (cell.style = STYLES.header));
  header.commit();
  let n = 0;
  return {
    add(values) {
      const row = sheet.addRow(values.map((v) => (typeof v === "string" ? xmlSafe(v) : v === null ? "" : v)));
      (row as unknown as { style: object }).style = ROW_STYLE;
      for (let i = 0; i < values.length; i++) row.getCell(i + 1).style = styles[i]!;
      const height = rowHeight(values, columns);
      if (height) row.height = height;
      row.commit();
      n++;
    },
    async pace() {
      if (n >= 250) {
        n = 0;
        await whileBacklogged(sheet, out);
      }
    },
    commit: () => sheet.commit(),
  };
}

/** A streaming workbook with styles, into `out`. */
export const readableWorkbook = (out: PassThrough) =>
  new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });

export type SheetColumn = { header: string; width: number; kind: XlsxKind };
/** Fills one sheet: the rows of each item, paced while the reader is behind, then the sheet committed. */
export type AddSheet = <T>(
  name: string,
  columns: readonly SheetColumn[],
  items: AsyncIterable<T> | Iterable<T>,
  rowsOf: (item: T) => readonly (readonly XlsxValue[])[],
) => Promise<void>;

/**
 * A workbook for reading, streamed as `write` adds its sheets one after the other (right to left for
 * `rtl`); a failure midway ends the stream with the error.
 */
export function streamedWorkbook(rtl: boolean, write: (addSheet: AddSheet) => Promise<void>): Readable {
  const out = new PassThrough();
  const workbook = readableWorkbook(out);
  const addSheet: AddSheet = async (name, columns, items, rowsOf) => {
    const sheet = readableSheet(workbook, out, name, columns, rtl);
    for await (const item of items) {
      for (const row of rowsOf(item)) sheet.add(row);
      await sheet.pace();
    }
    sheet.commit();
  };
  void (async () => {
    try {
      await write(addSheet);
      await workbook.commit();
    } catch (e) {
      out.destroy(e as Error);
    }
  })();
  return out;
}
