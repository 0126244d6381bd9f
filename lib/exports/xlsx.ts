import "server-only";
import type { PassThrough } from "node:stream";

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
