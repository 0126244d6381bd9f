import "server-only";
// CSV as RFC 4180 says and as every reader splits it (Excel, LibreOffice, Python's csv): UTF-8 with
// a BOM (Excel's cue for UTF-8), CRLF between records, and a field quoted when it holds a comma, a
// quote, a line feed or a carriage return (each on its own too: csv-stringify left a bare "\n" unquoted
// when records ended in "\r\n", which split the row in every reader), or starts or ends with a space
// or tab (which some readers trim). Written here, in a few lines, so that the rule is visible.
import { Readable } from "node:stream";
import { neutralise } from "./cells";

export type CsvValue = string | number | boolean | null | undefined;

const NEEDS_QUOTES = /[",\r\n]/;
const isBlank = (code: number) => code === 32 || code === 9;

/** One field: formulas made inert (cells.ts), then quoted if a reader could split or trim it. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "yes" : "no";
  // Hot path (every field of every row): character codes instead of a regular expression per rule.
  const s = neutralise(value);
  if (NEEDS_QUOTES.test(s) || isBlank(s.charCodeAt(0)) || isBlank(s.charCodeAt(s.length - 1)))
    return `"${s.includes('"') ? s.replaceAll('"', '""') : s}"`;
  return s;
}

export function csvLine(fields: readonly CsvValue[]): string {
  let line = "";
  for (let i = 0; i < fields.length; i++) line += i ? `,${csvField(fields[i])}` : csvField(fields[i]);
  return `${line}\r\n`;
}

// Records are gathered into chunks of about this many characters: one write per record would cost
// more in stream bookkeeping than the encoding itself.
const CHUNK = 64 * 1024;

/**
 * A byte stream of the BOM, the header and one record per item, read from `records` only as fast as
 * the reader takes it (Readable.from pulls the generator on demand), so memory holds a chunk at a time.
 * An error while reading records ends the stream with that error, never a hanging download.
 */
export function csvStream(header: readonly string[], records: AsyncIterable<readonly CsvValue[]>): Readable {
  return Readable.from(
    (async function* () {
      let buf = `\uFEFF${csvLine(header)}`;
      for await (const r of records) {
        buf += csvLine(r);
        if (buf.length >= CHUNK) {
          yield Buffer.from(buf, "utf8");
          buf = "";
        }
      }
      if (buf) yield Buffer.from(buf, "utf8");
    })(),
    { objectMode: false },
  );
}
