import "server-only";
// The anchors' logistics export (SPEC §B, §D): one row per participant with needs, as CSV (UTF-8
// with BOM, RFC 4180) or XLSX, streamed from the database page by page.
import { PassThrough, Readable } from "node:stream";
import { stringify } from "csv-stringify";
import ExcelJS from "exceljs";
import { getDb } from "@/db/client";
import { exportLog } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { participantsForExport, type ParticipantExportRow } from "@/lib/registrations";
import { cell } from "./cells";
import { whileBacklogged } from "./xlsx";

export const participantColumns = [
  "organisation",
  "organisation_country",
  "registration_status",
  "name",
  "title",
  "email",
  "attendance",
  "visa_letter",
  "nationality",
  "accessibility",
  "interpretation_language",
  "dietary",
  "travel_support",
  "travel_support_reason",
] as const;

/** One participant as export cells (the logistics export, and the XLSX export's registrations sheet). */
export function participantRecord(r: ParticipantExportRow): (string | number)[] {
  const p = r.participant;
  return [
    r.organisation,
    r.organisationCountry,
    r.registrationStatus,
    p.name,
    p.title,
    p.email,
    p.attendance,
    p.visaLetter,
    p.nationality,
    p.accessibility,
    p.interpretationLanguage,
    p.dietary,
    p.travelSupport,
    p.travelSupportReason,
  ].map(cell);
}

/** Starts the export (authorising first, so a refusal is an error, not an empty file) and logs it. */
export async function exportParticipants({
  actor,
  consultationId,
  format,
}: {
  actor: Actor;
  consultationId: string;
  format: "csv" | "xlsx";
}): Promise<ReadableStream<Uint8Array>> {
  const rows = participantsForExport({ actor, consultationId });
  // Pull the first row now: participantsForExport checks scope before yielding anything.
  const first = await rows.next();
  const db = await getDb();
  await db.insert(exportLog).values({ actorId: actor.userId, consultationId, format, kind: "participants", filters: {} });
  async function* all() {
    if (!first.done) yield first.value;
    yield* rows;
  }
  if (format === "csv") {
    const csv = stringify({ bom: true, header: true, columns: [...participantColumns], record_delimiter: "\r\n", quoted_string: false });
    const source = Readable.from(
      (async function* () {
        for await (const r of all()) yield participantRecord(r);
      })(),
    );
    // pipe() does not forward errors: without this a failure mid-export would leave the download hanging.
    source.on("error", (e) => csv.destroy(e));
    source.pipe(csv);
    return Readable.toWeb(csv) as ReadableStream<Uint8Array>;
  }
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet("participants");
  sheet.addRow([...participantColumns]).commit();
  void (async () => {
    try {
      let n = 0;
      for await (const r of all()) {
        sheet.addRow(participantRecord(r)).commit();
        if (++n % 250 === 0) await whileBacklogged(sheet, out);
      }
      sheet.commit();
      await workbook.commit();
    } catch (e) {
      out.destroy(e as Error);
    }
  })();
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
