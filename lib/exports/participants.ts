import "server-only";
// The anchors' logistics export: one row per participant with needs, as CSV (UTF-8
// with BOM, RFC 4180) or XLSX, named and worded in the export's language, streamed from the
// database page by page.
import { Readable } from "node:stream";
import { logExport } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import type { AppLocale } from "@/lib/i18n/config";
import { participantsForExport, type ParticipantExportRow } from "@/lib/registrations";
import { csvStream } from "./csv";
import { loadExportLabels, type ExportLabels } from "./labels";
import { streamedWorkbook, type XlsxKind } from "./xlsx";

type Key = Parameters<ExportLabels["column"]>[0];
const COLUMNS: [Key, XlsxKind, number][] = [
  ["organisation", "long", 30],
  ["organisationCountry", "text", 18],
  ["organisationCountryCode", "code", 9],
  ["registrationStatus", "text", 16],
  ["name", "text", 24],
  ["roleTitle", "text", 20],
  ["email", "text", 28],
  ["attendance", "text", 14],
  ["visaLetter", "text", 10],
  ["nationality", "text", 16],
  ["accessibility", "long", 30],
  ["interpretationLanguage", "text", 16],
  ["dietary", "long", 20],
  ["travelSupport", "text", 10],
  ["travelSupportReason", "long", 40],
];

export const participantSheetColumns = (l: ExportLabels) =>
  COLUMNS.map(([key, kind, width]) => ({ header: l.column(key), kind, width }));

/** One participant as export values, in words (the logistics export, and the inputs workbook's participants sheet). */
export function participantValues(r: ParticipantExportRow, l: ExportLabels): string[] {
  const p = r.participant;
  return [
    r.organisation,
    l.country(r.organisationCountry),
    r.organisationCountry,
    l.registrationStatus(r.registrationStatus),
    p.name,
    p.title,
    p.email,
    l.attendance(p.attendance),
    l.yesNo(p.visaLetter),
    p.nationality,
    p.accessibility,
    p.interpretationLanguage,
    p.dietary,
    l.yesNo(p.travelSupport),
    p.travelSupportReason,
  ].map((v) => v ?? "");
}

/** Starts the export (authorising first, so a refusal is an error, not an empty file) and logs it. */
export async function exportParticipants({
  actor,
  consultationId,
  format,
  locale = "en",
}: {
  actor: Actor;
  consultationId: string;
  format: "csv" | "xlsx";
  locale?: AppLocale;
}): Promise<ReadableStream<Uint8Array>> {
  const rows = participantsForExport({ actor, consultationId });
  // Pull the first row now: participantsForExport checks scope before yielding anything.
  const first = await rows.next();
  await logExport(actor.userId, { consultationId, format, kind: "participants", filters: { locale } });
  async function* all() {
    if (!first.done) yield first.value;
    yield* rows;
  }
  const labels = await loadExportLabels(locale);
  const stream = format === "csv" ? participantsCsv(all(), labels) : participantsXlsx(all(), labels);
  return Readable.toWeb(stream) as ReadableStream<Uint8Array>;
}

export function participantsCsv(rows: AsyncIterable<ParticipantExportRow>, labels: ExportLabels): Readable {
  return csvStream(
    participantSheetColumns(labels).map((c) => c.header),
    (async function* () {
      for await (const r of rows) yield participantValues(r, labels);
    })(),
  );
}

export function participantsXlsx(rows: AsyncIterable<ParticipantExportRow>, labels: ExportLabels): Readable {
  return streamedWorkbook(labels.locale === "ar", (addSheet) =>
    addSheet(labels.sheet("participants"), participantSheetColumns(labels), rows, (r) => [
      participantValues(r, labels),
    ]),
  );
}
