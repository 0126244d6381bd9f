import "server-only";
// The columns of the inputs export for people (CSV and the XLSX's inputs sheet): named in the
// export's language, values in words, with the stable machine columns (reference, consultation
// code, ISO codes) beside them. One table, so CSV and XLSX cannot drift apart.
import type { ExportLabels } from "./labels";
import type { ExportRow } from "./submissions";

export interface ExportAttachment {
  id: string;
  fileName: string;
  size: number;
}

/** A row as read for people's exports: the machine row, and what words and links need. */
export interface SourceRow {
  id: string;
  slug: string;
  row: ExportRow;
  attachments: ExportAttachment[];
}

/** What a cell holds before the format writes it: text, a number, an instant or nothing. */
export type Value = string | number | Date | null;

/** text: one line, short; long: paragraphs (wrapped in XLSX); code: machine value; date: an instant. */
export type Kind = "text" | "long" | "code" | "date";

export interface Column {
  key: Parameters<ExportLabels["column"]>[0];
  kind: Kind;
  /** XLSX width, in characters. */
  width: number;
  value: (s: SourceRow, l: ExportLabels) => Value;
}

export const kilobytes = (bytes: number) => Math.round(bytes / 102.4) / 10;
const lines = (xs: readonly string[]) => xs.join("\n");

export const inputColumns: Column[] = [
  { key: "reference", kind: "code", width: 13, value: (s) => s.row.reference },
  { key: "region", kind: "text", width: 18, value: (s, l) => l.region(s.slug, s.row.region) },
  { key: "consultationCode", kind: "code", width: 12, value: (s) => s.row.consultation },
  { key: "status", kind: "text", width: 16, value: (s, l) => l.status(s.row.status) },
  { key: "title", kind: "long", width: 40, value: (s) => s.row.title },
  { key: "themes", kind: "long", width: 45, value: (s, l) => lines(s.row.themes.map(l.theme)) },
  { key: "themeNumbers", kind: "code", width: 10, value: (s, l) => s.row.themes.map(l.themeNumber).join(", ") },
  { key: "summary", kind: "long", width: 60, value: (s) => s.row.summary },
  { key: "body", kind: "long", width: 80, value: (s) => s.row.body },
  // Numbered, as a recommendation may itself run over several lines.
  {
    key: "recommendations",
    kind: "long",
    width: 60,
    value: (s) => lines(s.row.recommendations.map((r, i) => `${i + 1}. ${r}`)),
  },
  { key: "countries", kind: "long", width: 24, value: (s, l) => lines(s.row.countries.map(l.country)) },
  { key: "countryCodes", kind: "code", width: 12, value: (s) => s.row.countries.join(", ") },
  { key: "language", kind: "text", width: 14, value: (s, l) => l.language(s.row.language) },
  { key: "languageCode", kind: "code", width: 9, value: (s) => s.row.language },
  { key: "keywords", kind: "long", width: 20, value: (s) => lines(s.row.keywords) },
  { key: "publication", kind: "text", width: 24, value: (s, l) => l.publication(s.row.publication) },
  { key: "published", kind: "text", width: 10, value: (s, l) => l.yesNo(s.row.published) },
  { key: "channel", kind: "text", width: 16, value: (s, l) => l.channel(s.row.channel) },
  { key: "organisation", kind: "long", width: 30, value: (s) => s.row.organisation },
  { key: "organisationType", kind: "text", width: 20, value: (s, l) => l.organisationType(s.row.organisationType) },
  { key: "organisationCountry", kind: "text", width: 18, value: (s, l) => l.country(s.row.organisationCountry) },
  { key: "organisationCountryCode", kind: "code", width: 9, value: (s) => s.row.organisationCountry },
  { key: "verified", kind: "text", width: 10, value: (s, l) => l.yesNo(s.row.organisationVerified) },
  { key: "contactName", kind: "text", width: 22, value: (s) => s.row.contactName },
  { key: "contactEmail", kind: "text", width: 28, value: (s) => s.row.contactEmail },
  {
    key: "submittedAt",
    kind: "date",
    width: 17,
    value: (s) => (s.row.submittedAt ? new Date(s.row.submittedAt) : null),
  },
  { key: "updatedAt", kind: "date", width: 17, value: (s) => new Date(s.row.updatedAt) },
  { key: "attachments", kind: "long", width: 30, value: (s) => lines(s.attachments.map((a) => a.fileName)) },
];

/** An instant as CSV text: "2017-08-04 09:30" (UTC, as the column says), which spreadsheets read as a date. */
export function csvDate(d: Date): string {
  const iso = d.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}
