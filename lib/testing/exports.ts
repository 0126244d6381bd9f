// Expectations and readers for lib/exports/exports.test.ts: what each export must say for the inputs
// it records (export-fixtures.ts), read from the database and the message catalogues, not through
// lib/exports, and the readers it checks the files with (Python's csv module for CSV).
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { execFileSync } from "node:child_process";
import { and, asc, eq, ne } from "drizzle-orm";
import { attachments, consultations, organisations, submissions, themeTranslations } from "@/db/schema";
import { queueFiltersSchema } from "@/lib/moderation/schemas";
import type { TestDatabase } from "@/lib/testing/db";
import type { ExportRow } from "@/lib/exports/submissions";

export const BOM = [0xef, 0xbb, 0xbf];
export const FORMULA_START = ["=", "+", "-", "@", "\t", "\r"];

/** What a spreadsheet cell must hold for a value: arrays one per line, booleans yes/no, formulas made inert. */
export function expectedCell(v: ExportRow[keyof ExportRow] | number | null): string | number {
  if (v === null) return "";
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? "yes" : "no";
  const s = Array.isArray(v) ? v.join("\n") : v;
  return FORMULA_START.some((c) => s.startsWith(c)) ? `'${s}` : s;
}
/** XML turns a carriage return into a line feed: XLSX cannot keep one (see the test). */
export const xmlText = (v: string | number) => (typeof v === "string" ? v.replace(/\r\n?/g, "\n") : v);

export async function nodeBuffer(s: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as string));
  return Buffer.concat(chunks);
}
export const webBuffer = async (s: ReadableStream<Uint8Array>) => Buffer.from(await new Response(s).arrayBuffer());

/** CSV as Python's csv module reads it (a reader this code did not write the file with). */
export function pythonCsv(buf: Buffer): string[][] {
  const script =
    "import csv,io,json,sys; t=sys.stdin.buffer.read().decode('utf-8-sig'); print(json.dumps(list(csv.reader(io.StringIO(t, newline='')))))";
  return JSON.parse(execFileSync("python3", ["-c", script], { input: buf }).toString("utf8")) as string[][];
}

export type Catalogue = {
  exports: {
    columns: Record<string, string>;
    sheets: Record<string, string>;
    yes: string;
    no: string;
    channel: Record<string, string>;
    publication: Record<string, string>;
  };
  mySubmissions: { statuses: Record<string, string> };
  organisation: { types: Record<string, string> };
  regions: Record<string, { name: string }>;
  moderation: { registrationStatus: Record<string, string> };
  registration: { attendance: Record<string, string> };
};
export const catalogue = (locale: string) =>
  JSON.parse(fs.readFileSync(path.join(import.meta.dirname, `../../messages/${locale}.json`), "utf8")) as Catalogue;

// The inputs export's columns, in order: what a reader of the file finds.
export const INPUT_COLUMNS = [
  "reference",
  "region",
  "consultationCode",
  "status",
  "title",
  "themes",
  "themeNumbers",
  "summary",
  "body",
  "recommendations",
  "countries",
  "countryCodes",
  "language",
  "languageCode",
  "keywords",
  "publication",
  "published",
  "channel",
  "organisation",
  "organisationType",
  "organisationCountry",
  "organisationCountryCode",
  "verified",
  "contactName",
  "contactEmail",
  "submittedAt",
  "updatedAt",
  "attachments",
] as const;
export type InputColumn = (typeof INPUT_COLUMNS)[number];
export const PARTICIPANT_COLUMNS = [
  "organisation",
  "organisationCountry",
  "organisationCountryCode",
  "registrationStatus",
  "name",
  "roleTitle",
  "email",
  "attendance",
  "visaLetter",
  "nationality",
  "accessibility",
  "interpretationLanguage",
  "dietary",
  "travelSupport",
  "travelSupportReason",
] as const;

export interface Expected extends ExportRow {
  slug: string;
  attachmentNames: string[];
}

/** What a person's export must say for a row, in `locale`'s words (null: an instant). */
export function expectedWords(
  r: Expected,
  locale: string,
  themeNames: Map<number, string>,
): Record<InputColumn, string | Date> {
  const m = catalogue(locale);
  const country = (c: string) => new Intl.DisplayNames([locale], { type: "region" }).of(c)!;
  const language = (c: string) => new Intl.DisplayNames([locale], { type: "language" }).of(c)!;
  const yesNo = (v: boolean) => (v ? m.exports.yes : m.exports.no);
  return {
    reference: r.reference,
    region: m.regions[r.slug]!.name,
    consultationCode: r.consultation,
    status: m.mySubmissions.statuses[r.status]!,
    title: r.title,
    themes: r.themes.map((t) => themeNames.get(t)!).join("\n"),
    themeNumbers: r.themes.join(", "),
    summary: r.summary,
    body: r.body,
    recommendations: r.recommendations.map((x, i) => `${i + 1}. ${x}`).join("\n"),
    countries: r.countries.map(country).join("\n"),
    countryCodes: r.countries.join(", "),
    language: language(r.language),
    languageCode: r.language,
    keywords: r.keywords.join("\n"),
    publication: m.exports.publication[r.publication]!,
    published: yesNo(r.published),
    channel: m.exports.channel[r.channel]!,
    organisation: r.organisation,
    organisationType: m.organisation.types[r.organisationType]!,
    organisationCountry: country(r.organisationCountry),
    organisationCountryCode: r.organisationCountry,
    verified: yesNo(r.organisationVerified),
    contactName: r.contactName,
    contactEmail: r.contactEmail,
    submittedAt: new Date(r.submittedAt),
    updatedAt: new Date(r.updatedAt),
    attachments: r.attachmentNames.join("\n"),
  };
}
export const csvDate = (d: Date) => d.toISOString().replace("T", " ").slice(0, 16);
/** As CSV text: instants as "YYYY-MM-DD HH:MM", formulas inert. */
export const asCsv = (v: string | Date) => (v instanceof Date ? csvDate(v) : String(expectedCell(v)));

/** The database's values, read without lib/exports: what every export must say. */
export async function databaseRows(t: TestDatabase, consultationId: string | null): Promise<Expected[]> {
  const files = await t.db.select().from(attachments).orderBy(asc(attachments.createdAt), asc(attachments.id));
  const names = new Map(
    (await t.db.select().from(themeTranslations).where(eq(themeTranslations.locale, "en"))).map((x) => [
      x.themeId,
      x.name,
    ]),
  );
  const rows = await t.db
    .select({ s: submissions, o: organisations, c: consultations })
    .from(submissions)
    .innerJoin(organisations, eq(organisations.id, submissions.organisationId))
    .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
    .where(
      and(ne(submissions.status, "draft"), consultationId ? eq(submissions.consultationId, consultationId) : undefined),
    )
    .orderBy(asc(submissions.submittedAt), asc(submissions.id));
  return rows.map(({ s, o, c }) => ({
    slug: c.slug,
    attachmentNames: files.filter((f) => f.submissionId === s.id).map((f) => f.fileName),
    reference: s.reference!,
    consultation: c.code,
    region: c.region,
    status: s.status,
    title: s.title,
    themes: s.themes,
    themeNames: s.themes.map((id) => names.get(id)!),
    summary: s.summary,
    body: s.body,
    recommendations: s.recommendations,
    countries: s.countries,
    language: s.language,
    keywords: s.keywords,
    publication: s.publication,
    published: s.publishedAt !== null,
    channel: s.channel,
    organisation: o.name,
    organisationType: o.type,
    organisationCountry: o.country,
    organisationVerified: o.verifiedAt !== null,
    contactName: s.contactName ?? "",
    contactEmail: s.contactEmail ?? "",
    submittedAt: s.submittedAt!.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  }));
}

export const filters = (raw: Record<string, unknown> = {}) => queueFiltersSchema.parse(raw);
/** The JSON export's rows: the machine shape, without what the test adds. */
export const machine = (rows: Expected[]): ExportRow[] =>
  rows.map((r) => {
    const { slug, attachmentNames, ...row } = r;
    void slug;
    void attachmentNames;
    return row;
  });
export async function themeNamesIn(t: TestDatabase, locale: "en" | "fr" | "es" | "ar") {
  return new Map(
    (await t.db.select().from(themeTranslations).where(eq(themeTranslations.locale, locale))).map((x) => [
      x.themeId,
      x.name,
    ]),
  );
}
