// Exports on real databases: CSV (read back with Python's csv module, not by this code's
// library), XLSX and JSON compared, field by field, with what the database holds — Arabic, French
// accents, line breaks (LF, CR, CRLF), quotes and commas intact; in CSV every value a spreadsheet
// would take for a formula (=, +, -, @, tab, carriage return) made inert, in XLSX text left as it is
// (a text cell never runs). Columns and values in words of the export's language, read from the
// message catalogue and Intl here. Filters give exactly the queue's rows; every export is logged.
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import Ajv2020 from "ajv/dist/2020";
import { execFileSync } from "node:child_process";
import { and, asc, count, eq, ne } from "drizzle-orm";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabaseForTests } from "@/db/client";
import { attachments, consultations, exportLog, organisations, participants, registrations, submissions, themeTranslations } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { moderate } from "@/lib/moderation/decisions";
import { listQueue } from "@/lib/moderation/queue";
import { moderationActionSchema, queueFiltersSchema } from "@/lib/moderation/schemas";
import { saveDraft, submitSubmission } from "@/lib/submissions";
import { draftSchema, submissionSchema, type SubmissionContent } from "@/lib/submissions/schemas";
import { createTestDatabase, drivers, type TestDatabase } from "@/lib/testing/db";
import { buildWorld, type World } from "@/lib/testing/fixtures";
import { csvField } from "./csv";
import { exportParticipants } from "./participants";
import { countExportLog, exportRows, exportSubmissions, listExportLog, type ExportFormat, type ExportRow } from "./submissions";
import { idempotencyKey as key, inputContent as content } from "@/lib/testing/inputs";

// ---------------------------------------------------------------- helpers (independent of lib/exports)
const BOM = [0xef, 0xbb, 0xbf];
const FORMULA_START = ["=", "+", "-", "@", "\t", "\r"];

/** What a spreadsheet cell must hold for a value: arrays one per line, booleans yes/no, formulas made inert. */
function expectedCell(v: ExportRow[keyof ExportRow] | number | null): string | number {
  if (v === null) return "";
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? "yes" : "no";
  const s = Array.isArray(v) ? v.join("\n") : v;
  return FORMULA_START.some((c) => s.startsWith(c)) ? `'${s}` : s;
}
/** XML turns a carriage return into a line feed: XLSX cannot keep one (see the test). */
const xmlText = (v: string | number) => (typeof v === "string" ? v.replace(/\r\n?/g, "\n") : v);

async function nodeBuffer(s: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as string));
  return Buffer.concat(chunks);
}
const webBuffer = async (s: ReadableStream<Uint8Array>) => Buffer.from(await new Response(s).arrayBuffer());

/** CSV as Python's csv module reads it (a reader this code did not write the file with). */
function pythonCsv(buf: Buffer): string[][] {
  const script = "import csv,io,json,sys; t=sys.stdin.buffer.read().decode('utf-8-sig'); print(json.dumps(list(csv.reader(io.StringIO(t, newline='')))))";
  return JSON.parse(execFileSync("python3", ["-c", script], { input: buf }).toString("utf8")) as string[][];
}

type Catalogue = { exports: { columns: Record<string, string>; sheets: Record<string, string>; yes: string; no: string; channel: Record<string, string>; publication: Record<string, string> }; mySubmissions: { statuses: Record<string, string> }; organisation: { types: Record<string, string> }; regions: Record<string, { name: string }>; moderation: { registrationStatus: Record<string, string> }; registration: { attendance: Record<string, string> } };
const catalogue = (locale: string) => JSON.parse(fs.readFileSync(path.join(import.meta.dirname, `../../messages/${locale}.json`), "utf8")) as Catalogue;

// The inputs export's columns, in order: what a reader of the file finds.
const INPUT_COLUMNS = ["reference", "region", "consultationCode", "status", "title", "themes", "themeNumbers", "summary", "body", "recommendations", "countries", "countryCodes", "language", "languageCode", "keywords", "publication", "published", "channel", "organisation", "organisationType", "organisationCountry", "organisationCountryCode", "verified", "contactName", "contactEmail", "submittedAt", "updatedAt", "attachments"] as const;
type InputColumn = (typeof INPUT_COLUMNS)[number];
const PARTICIPANT_COLUMNS = ["organisation", "organisationCountry", "organisationCountryCode", "registrationStatus", "name", "roleTitle", "email", "attendance", "visaLetter", "nationality", "accessibility", "interpretationLanguage", "dietary", "travelSupport", "travelSupportReason"] as const;

interface Expected extends ExportRow {
  slug: string;
  attachmentNames: string[];
}

/** What a person's export must say for a row, in `locale`'s words (null: an instant). */
function expectedWords(r: Expected, locale: string, themeNames: Map<number, string>): Record<InputColumn, string | Date> {
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
const csvDate = (d: Date) => d.toISOString().replace("T", " ").slice(0, 16);
/** As CSV text: instants as "YYYY-MM-DD HH:MM", formulas inert. */
const asCsv = (v: string | Date) => (v instanceof Date ? csvDate(v) : String(expectedCell(v)));

// Every field that can carry text gets Arabic, French accents, line breaks, quotes, commas, and a
// value starting with each of = + - @ tab CR. The form trims leading whitespace, so tab and CR are
// written straight into the database (as an import or a future channel could).
const ARABIC = "حقوق العمال المهاجرين";
const FRENCH = "Sécurité, dignité";
const tricky = {
  title: '=HYPERLINK("http://x")',
  summary: "-2",
  body: '@SUM(A1)\nLine two, with "quotes", and a comma.\r\nLine three after CRLF.',
  recommendations: ["+1+1", FRENCH, 'Say "no",\nthen "yes"', ARABIC, "-1"],
  language: "fr" as const,
};
const arabic = {
  title: ARABIC,
  summary: `يجب حماية ${ARABIC}، "دائماً"، في كل مكان`,
  body: `${ARABIC}\nسطر ثانٍ, مع فاصلة`,
  recommendations: ["=1+2", `${ARABIC} "الآن"`],
  language: "ar" as const,
  countries: ["JO" as const, "LB" as const],
  themes: [2, 5],
};
const french = {
  title: FRENCH,
  summary: 'Il a dit "oui", puis\n"non".',
  body: "Première ligne : sécurité.\nDeuxième ligne, « guillemets », virgules, et dignité.",
  recommendations: ["Garantir la dignité des travailleuses migrantes", "@Ministère, agir"],
  language: "fr" as const,
  contactName: "Éloïse Dupré-Łukasz",
  themes: [1, 3, 6],
};

interface Setup {
  t: TestDatabase;
  w: World;
  memberA: Actor;
  ownerA: Actor;
  memberB: Actor;
  anchorX: Actor;
  anchorY: Actor;
  secretariat: Actor;
  ids: Record<"tricky" | "arabic" | "french" | "plain" | "inY", string>;
}

async function setUp(t: TestDatabase): Promise<Setup> {
  const w = await buildWorld(t.db);
  const [memberA, ownerA, memberB, anchorX, anchorY, secretariat] = await Promise.all(
    (["memberA", "ownerA", "memberB", "anchorX", "anchorY", "secretariat"] as const).map((n) => w.actor(n)),
  );
  let minute = 0;
  const submit = async (actor: Actor, organisationId: string, over: Partial<SubmissionContent>, consultationId = w.consultationX) =>
    (
      await submitSubmission({
        actor,
        input: submissionSchema.parse({ consultationId, organisationId, version: 0, idempotencyKey: key(), intent: "submit", ...content(over) }),
        now: new Date(Date.UTC(2017, 6, 1, 0, minute++)),
      })
    ).id;
  const ids = {
    tricky: await submit(memberA!, w.orgA, tricky),
    arabic: await submit(memberB!, w.orgB, arabic),
    french: await submit(memberA!, w.orgA, french),
    plain: await submit(memberA!, w.orgA, { title: "Plain input", summary: "Nothing special here." }),
    inY: await submit(memberA!, w.orgA, { title: "Sécurité in MENA", summary: "Dignité, too." }, w.consultationY),
  };
  // A draft: never exported.
  await saveDraft({
    actor: memberA!,
    input: draftSchema.parse({ consultationId: w.consultationX, organisationId: w.orgA, version: 0, idempotencyKey: key(), intent: "draft", title: "=DRAFT()" }),
  });
  // Moderation: two accepted (one published), keywords.
  const version = async (id: string) => (await t.db.select({ v: submissions.version }).from(submissions).where(eq(submissions.id, id)))[0]!.v;
  const act = async (raw: Record<string, unknown>) => moderate({ actor: anchorX!, input: moderationActionSchema.parse(raw) });
  await act({ action: "accept", submissionId: ids.arabic, version: await version(ids.arabic) });
  await act({ action: "accept", submissionId: ids.french, version: await version(ids.french) });
  await act({ action: "publish", submissionId: ids.french, version: await version(ids.french) });
  await act({ action: "tag", submissionId: ids.arabic, version: await version(ids.arabic), themes: [2, 5], keywords: "travail, +urgent" });
  // What the form would trim, written directly.
  await t.db
    .update(submissions)
    .set({ contactName: "\tTab", keywords: ["\rCR", "=k", "dignité", "a,b"], channel: "paper" })
    .where(eq(submissions.id, ids.tricky));
  // The form stores line breaks as "\n"; a CRLF written directly must still come back intact.
  await t.db.update(submissions).set({ contactName: "\r\nCRLF name", body: "Line one\r\nLine two, \"quoted\"\rLine three" }).where(eq(submissions.id, ids.plain));
  await t.db.update(organisations).set({ name: "+Org B, «الدولية»", verifiedAt: new Date() }).where(eq(organisations.id, w.orgB));
  // A bare LF and a bare CR each in a field of their own, and a leading space: all must be quoted.
  await t.db.update(submissions).set({ summary: " Leading space", keywords: ["lf\nonly", "cr\ronly"] }).where(eq(submissions.id, ids.french));
  // Attachments (only their names, sizes and links are exported).
  await t.db.insert(attachments).values([
    { submissionId: ids.arabic, fileName: "تقرير, «2017».pdf", mediaType: "application/pdf", size: 123_456, sha256: "0".repeat(64), storageKey: `test-${key()}` },
    { submissionId: ids.arabic, fileName: "Annexe \"B\".odt", mediaType: "application/vnd.oasis.opendocument.text", size: 2048, sha256: "1".repeat(64), storageKey: `test-${key()}` },
  ]);
  // Participants of A's registration in X, for the registrations sheet and the participants export.
  const [reg] = await t.db.select({ id: registrations.id }).from(registrations).where(and(eq(registrations.organisationId, w.orgA), eq(registrations.consultationId, w.consultationX)));
  await t.db.insert(participants).values([
    {
      registrationId: reg!.id,
      position: 1,
      name: "=cmd|' /C calc'!A0",
      title: "+Dr",
      email: "p1@example.net",
      attendance: "in_person",
      visaLetter: true,
      nationality: "-TH",
      accessibility: "@wheelchair",
      interpretationLanguage: "\tfr",
      dietary: "\rhalal",
      travelSupport: true,
      travelSupportReason: `${ARABIC}, "${FRENCH}"\nsecond line`,
    },
    { registrationId: reg!.id, position: 2, name: "Zoë Ndiaye", email: "p2@example.net", attendance: "remote" },
  ]);
  return { t, w, memberA: memberA!, ownerA: ownerA!, memberB: memberB!, anchorX: anchorX!, anchorY: anchorY!, secretariat: secretariat!, ids };
}

/** The database's values, read without lib/exports: what every export must say. */
async function databaseRows(t: TestDatabase, consultationId: string | null): Promise<Expected[]> {
  const files = await t.db.select().from(attachments).orderBy(asc(attachments.createdAt), asc(attachments.id));
  const names = new Map((await t.db.select().from(themeTranslations).where(eq(themeTranslations.locale, "en"))).map((x) => [x.themeId, x.name]));
  const rows = await t.db
    .select({ s: submissions, o: organisations, c: consultations })
    .from(submissions)
    .innerJoin(organisations, eq(organisations.id, submissions.organisationId))
    .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
    .where(and(ne(submissions.status, "draft"), consultationId ? eq(submissions.consultationId, consultationId) : undefined))
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

const filters = (raw: Record<string, unknown> = {}) => queueFiltersSchema.parse(raw);
/** The JSON export's rows: the machine shape, without what the test adds. */
const machine = (rows: Expected[]): ExportRow[] =>
  rows.map((r) => {
    const { slug, attachmentNames, ...row } = r;
    void slug;
    void attachmentNames;
    return row;
  });
async function themeNamesIn(t: TestDatabase, locale: "en" | "fr" | "es" | "ar") {
  return new Map((await t.db.select().from(themeTranslations).where(eq(themeTranslations.locale, locale))).map((x) => [x.themeId, x.name]));
}

describe("csvField (RFC 4180 as every reader splits it)", () => {
  it("quotes a field with a comma, a quote, a bare LF, a bare CR, CRLF, or a space or tab at either end", () => {
    for (const v of ["a,b", 'say "hi"', "one\ntwo", "one\rtwo", "one\r\ntwo", " lead", "trail ", "x\t"]) expect(csvField(v), JSON.stringify(v)).toMatch(/^".*"$/s);
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    for (const v of ["plain", "dignité", "حقوق", "a;b"]) expect(csvField(v)).toBe(v);
    // Formulas inert first, then quoted when the result needs it.
    expect(csvField("=1+2")).toBe("'=1+2");
    expect(csvField("\tTab")).toBe("'\tTab");
    expect(csvField("-1,5")).toBe(`"'-1,5"`);
    expect(csvField(3)).toBe("3");
    expect(csvField(null)).toBe("");
  });
});

describe.each(drivers)("exports on %s", (driver) => {
  let s: Setup;
  beforeAll(async () => {
    const t = await createTestDatabase(driver);
    useDatabaseForTests(t);
    s = await setUp(t);
  });
  afterAll(async () => {
    await s?.t.close();
  });

  it("seeds what the tests need: every formula start in some field, bare LF and CR, attachments, and a draft", async () => {
    const rows = await databaseRows(s.t, s.w.consultationX);
    expect(rows).toHaveLength(4);
    const names = await themeNamesIn(s.t, "en");
    const cells = rows.flatMap((r) => Object.values(expectedWords(r, "en", names))).filter((v): v is string => typeof v === "string");
    for (const c of FORMULA_START) expect(cells.some((v) => v.startsWith(c)), JSON.stringify(c)).toBe(true);
    expect(cells.some((v) => /[^\r]\n/.test(v) && !v.includes("\r"))).toBe(true);
    expect(cells.some((v) => /\r[^\n]/.test(v))).toBe(true);
    expect(rows.some((r) => r.attachmentNames.length === 2)).toBe(true);
    const [drafts] = await s.t.db.select({ n: count() }).from(submissions).where(eq(submissions.status, "draft"));
    expect(drafts!.n).toBe(1);
  });

  for (const locale of ["en", "fr", "ar"] as const) {
    it(`CSV in ${locale}: UTF-8 with a BOM, CRLF, read by Python's csv as in the database, in words, formulas inert`, async () => {
      const expected = await databaseRows(s.t, s.w.consultationX);
      const buf = await webBuffer(await exportSubmissions({ actor: s.anchorX, consultationId: s.w.consultationX, filters: filters(), format: "csv", locale }));
      expect([...buf.subarray(0, 3)]).toEqual(BOM);
      expect(buf.toString("utf8").endsWith("\r\n")).toBe(true);
      const records = pythonCsv(buf);
      const m = catalogue(locale);
      expect(records[0]).toEqual(INPUT_COLUMNS.map((c) => m.exports.columns[c]));
      const body = records.slice(1);
      expect(body).toHaveLength(expected.length);
      const names = await themeNamesIn(s.t, locale);
      expected.forEach((row, i) => {
        const words = expectedWords(row, locale, names);
        expect(body[i], row.reference).toEqual(INPUT_COLUMNS.map((c) => asCsv(words[c])));
      });
      // Spot checks, spelled out.
      const byRef = new Map(body.map((r) => [r[0], Object.fromEntries(INPUT_COLUMNS.map((c, j) => [c, r[j]!]))]));
      const t = byRef.get(expected.find((r) => r.title === tricky.title)!.reference)!;
      expect(t.title).toBe(`'=HYPERLINK("http://x")`);
      expect(t.summary).toBe("'-2");
      expect(t.body).toBe(`'${tricky.body.replace("\r\n", "\n")}`);
      expect(t.recommendations).toBe(tricky.recommendations.map((x, i) => `${i + 1}. ${x}`).join("\n"));
      expect(t.contactName).toBe("'\tTab");
      expect(t.keywords).toBe("'\rCR\n=k\ndignité\na,b");
      expect(t.channel).toBe(m.exports.channel.paper);
      const a = byRef.get(expected.find((r) => r.title === ARABIC)!.reference)!;
      expect(a.title).toBe(ARABIC);
      expect(a.organisation).toBe("'+Org B, «الدولية»");
      expect(a.themeNumbers).toBe("2, 5");
      expect(a.countryCodes).toBe("JO, LB");
      expect(a.keywords).toBe("travail\n+urgent");
      expect(a.verified).toBe(m.exports.yes);
      expect(a.attachments!.split("\n").sort()).toEqual(['Annexe "B".odt', "تقرير, «2017».pdf"]);
      const f = byRef.get(expected.find((r) => r.title === FRENCH)!.reference)!;
      expect(f.summary).toBe(" Leading space");
      expect(f.keywords).toBe("lf\nonly\ncr\ronly");
      expect(f.published).toBe(m.exports.yes);
      expect(f.status).toBe(m.mySubmissions.statuses.accepted);
      expect(f.contactName).toBe("Éloïse Dupré-Łukasz");
      const p = byRef.get(expected.find((r) => r.title === "Plain input")!.reference)!;
      expect(p.body).toBe('Line one\r\nLine two, "quoted"\rLine three');
      expect(p.contactName).toBe("'\r\nCRLF name");
      if (locale === "fr") {
        expect(f.region).toBe("Asie");
        expect(f.publication).toBe("Avec le nom de l'organisation");
        expect(f.countries).toBe("Thaïlande");
      }
    });
  }

  it("CSV: a failure while reading rows ends the stream with the error, never a hanging download", async () => {
    const { csvStream } = await import("./csv");
    async function* failing() {
      yield ["a", "b"];
      throw new Error("database went away");
    }
    const outcome = await Promise.race([
      nodeBuffer(csvStream(["x", "y"], failing())).then(
        () => "ended normally",
        (e: unknown) => (e as Error).message,
      ),
      new Promise((r) => setTimeout(() => r("hung"), 2_000)),
    ]);
    expect(outcome).toBe("database went away");
  });

  it("XLSX: sheets for reading (widths, wrap, frozen filtered header, dates), values as in the database, no apostrophe, no formula", async () => {
    const expected = await databaseRows(s.t, s.w.consultationX);
    const buf = await webBuffer(await exportSubmissions({ actor: s.anchorX, consultationId: s.w.consultationX, filters: filters(), format: "xlsx", locale: "fr", baseUrl: "https://portal.example" }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const m = catalogue("fr");
    expect(wb.worksheets.map((x) => x.name)).toEqual([m.exports.sheets.inputs, m.exports.sheets.recommendations, m.exports.sheets.attachments, m.exports.sheets.participants]);

    const values = (sheet: ExcelJS.Worksheet, width: number) => {
      const out: unknown[][] = [];
      sheet.eachRow({ includeEmpty: true }, (row) => {
        out.push(Array.from({ length: width }, (_, i) => row.getCell(i + 1).value ?? ""));
      });
      return out;
    };
    const inputs = wb.getWorksheet(m.exports.sheets.inputs)!;
    const subs = values(inputs, INPUT_COLUMNS.length);
    expect(subs[0]).toEqual(INPUT_COLUMNS.map((c) => m.exports.columns[c]));
    const names = await themeNamesIn(s.t, "fr");
    // Text exactly as stored (XML reads CR and CRLF as LF, which Excel shows the same), instants as dates.
    expect(subs.slice(1)).toEqual(expected.map((row) => INPUT_COLUMNS.map((c) => { const v = expectedWords(row, "fr", names)[c]; return typeof v === "string" ? xmlText(v) : v; })));
    expect(subs.slice(1).some((r) => r.includes('=HYPERLINK("http://x")'))).toBe(true);
    // Made for reading.
    expect(inputs.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(inputs.autoFilter).toBe(`A1:AB1`);
    expect(inputs.getColumn(INPUT_COLUMNS.indexOf("body") + 1).width).toBe(80);
    expect(inputs.getRow(2).getCell(INPUT_COLUMNS.indexOf("body") + 1).alignment).toMatchObject({ wrapText: true, vertical: "top" });
    expect(inputs.getRow(1).getCell(1).font).toMatchObject({ bold: true });
    // Rows as tall as their longest cell needs (no program grows them on opening): the tricky input's
    // body and recommendations run over several lines.
    const trickyRow = subs.findIndex((r) => r[INPUT_COLUMNS.indexOf("title")] === tricky.title) + 1;
    expect(inputs.getRow(trickyRow).height).toBeGreaterThanOrEqual(15 * tricky.recommendations.length);
    const date = inputs.getRow(2).getCell(INPUT_COLUMNS.indexOf("submittedAt") + 1);
    expect(date.type).toBe(ExcelJS.ValueType.Date);
    expect(date.numFmt).toBe("yyyy-mm-dd hh:mm");

    const recs = values(wb.getWorksheet(m.exports.sheets.recommendations)!, 4);
    expect(recs[0]).toEqual([m.exports.columns.reference, m.exports.columns.region, m.exports.columns.number, m.exports.columns.recommendation]);
    const expectedRecs = expected.flatMap((r) => r.recommendations.map((text, i) => [r.reference, "Asie", i + 1, xmlText(text)]));
    expect(expectedRecs.length).toBe(tricky.recommendations.length + arabic.recommendations.length + french.recommendations.length);
    expect(recs.slice(1)).toEqual(expectedRecs);

    // Attachments: name, size in KB, and a link to the download route (which checks who asks).
    const files = values(wb.getWorksheet(m.exports.sheets.attachments)!, 6);
    const dbFiles = await s.t.db.select().from(attachments).orderBy(asc(attachments.id));
    const arabicRef = expected.find((r) => r.title === ARABIC)!.reference;
    expect(files.slice(1)).toEqual(
      dbFiles.map((f) => [arabicRef, "Asie", ARABIC, f.fileName, Math.round(f.size / 102.4) / 10, { text: `https://portal.example/api/attachments/${f.id}`, hyperlink: `https://portal.example/api/attachments/${f.id}` }]),
    );

    const regs = values(wb.getWorksheet(m.exports.sheets.participants)!, PARTICIPANT_COLUMNS.length + 1);
    expect(regs[0]).toEqual([m.exports.columns.region, ...PARTICIPANT_COLUMNS.map((c) => m.exports.columns[c])]);
    expect(regs.slice(1).map((r) => r[0])).toEqual(["Asie", "Asie"]);
    expect(regs.map((r) => r[5])).toEqual([m.exports.columns.name, "=cmd|' /C calc'!A0", "Zoë Ndiaye"]);
    expect(regs[1]?.slice(8, 15)).toEqual([catalogue("fr").registration.attendance.in_person, "oui", "-TH", "@wheelchair", "\tfr", "\nhalal", "oui"]);

    // No cell is a formula, and no sheet has an <f> element at all.
    let cells = 0;
    for (const sheet of wb.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((c) => {
          cells++;
          expect(c.type, `${sheet.name}!${c.address}`).not.toBe(ExcelJS.ValueType.Formula);
          expect(c.formula, `${sheet.name}!${c.address}`).toBeUndefined();
        }),
      );
    }
    expect(cells).toBeGreaterThan(100);
    const zip = await JSZip.loadAsync(buf);
    const sheetFiles = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    expect(sheetFiles).toHaveLength(4);
    for (const name of sheetFiles) {
      const xml = await zip.file(name)!.async("string");
      expect(xml, name).not.toMatch(/<f[\s>/]/);
      expect(xml).toContain("<sheetData>");
    }
    expect(Object.keys(zip.files)).not.toContain("xl/calcChain.xml");
  });

  it("XLSX in Arabic: sheets right to left, headers in Arabic", async () => {
    const buf = await webBuffer(await exportSubmissions({ actor: s.anchorX, consultationId: s.w.consultationX, filters: filters(), format: "xlsx", locale: "ar" }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const m = catalogue("ar");
    const sheet = wb.getWorksheet(m.exports.sheets.inputs)!;
    expect(sheet.views[0]).toMatchObject({ rightToLeft: true, state: "frozen" });
    expect(sheet.getRow(1).getCell(5).value).toBe(m.exports.columns.title);
  });

  it("JSON: valid against lib/exports/submissions.schema.json, every field exactly as in the database", async () => {
    const schema = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "submissions.schema.json"), "utf8")) as Record<string, unknown>;
    const ajv = new Ajv2020({ strict: true, allErrors: true, validateFormats: false });
    const validate = ajv.compile(schema);
    for (const [actor, consultationId] of [
      [s.anchorX, s.w.consultationX],
      [s.secretariat, null],
    ] as const) {
      const buf = await webBuffer(await exportSubmissions({ actor, consultationId, filters: filters(), format: "json", locale: "fr" }));
      const doc = JSON.parse(buf.toString("utf8")) as { $schema: string; version: number; generatedAt: string; scope: string; submissions: ExportRow[] };
      expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
      expect(doc.$schema).toBe(schema.$id);
      expect(doc.scope).toBe(consultationId ?? "all");
      expect(Math.abs(Date.parse(doc.generatedAt) - Date.now())).toBeLessThan(60_000);
      // Machine-shaped in every language: codes and English theme names.
      expect(doc.submissions).toEqual(machine(await databaseRows(s.t, consultationId)));
    }
    expect(await exportRows({ actor: s.anchorX, consultationId: s.w.consultationX, filters: filters() }).next()).toMatchObject({ done: false });
    // The schema is not vacuous: a wrong field fails it.
    const bad = { $schema: schema.$id, version: 1, generatedAt: new Date().toISOString(), scope: "all", submissions: [{ ...machine(await databaseRows(s.t, null))[0]!, status: "draft" }] };
    expect(validate(bad)).toBe(false);
    expect(validate({ ...bad, submissions: [{ ...bad.submissions[0]!, status: "accepted", extra: 1 }] })).toBe(false);
  });

  it("honours the queue's filters: exactly the rows listQueue shows", async () => {
    const cases: [Actor, string | null, Record<string, unknown>][] = [
      [s.anchorX, s.w.consultationX, { status: "accepted" }],
      [s.anchorX, s.w.consultationX, { q: "dignité" }],
      [s.anchorX, s.w.consultationX, { q: "المهاجرين" }],
      [s.anchorX, s.w.consultationX, { theme: 5 }],
      [s.anchorX, s.w.consultationX, { language: "fr", status: "submitted" }],
      [s.secretariat, null, { q: "dignité" }],
      [s.secretariat, null, { status: "accepted" }],
      [s.secretariat, null, { region: "mena" }],
      [s.secretariat, null, {}],
    ];
    const all = (await databaseRows(s.t, null)).length;
    for (const [actor, consultationId, raw] of cases) {
      const f = filters(raw);
      const shown = (await listQueue({ actor, consultationId, filters: f, pageSize: 100 })).rows.map((r) => r.reference).sort();
      const label = `${consultationId ? "X" : "all"} ${JSON.stringify(raw)}`;
      if (Object.keys(raw).length) expect(shown.length, label).toBeGreaterThan(0);
      if (Object.keys(raw).length) expect(shown.length, label).toBeLessThan(all);
      for (const format of ["csv", "json", "xlsx"] as ExportFormat[]) {
        const buf = await webBuffer(await exportSubmissions({ actor, consultationId, filters: f, format }));
        let refs: string[];
        if (format === "csv") refs = pythonCsv(buf).slice(1).map((r) => r[0]!);
        else if (format === "json") refs = (JSON.parse(buf.toString("utf8")) as { submissions: ExportRow[] }).submissions.map((r) => r.reference);
        else {
          const wb = new ExcelJS.Workbook();
          await wb.xlsx.load(buf as unknown as ArrayBuffer);
          refs = [];
          wb.worksheets[0]!.eachRow((row, n) => {
            if (n > 1) refs.push(String(row.getCell(1).value));
          });
        }
        expect(refs.sort(), `${label} ${format}`).toEqual(shown);
      }
    }
  });

  it("logs every export (who, format, kind, filters, language); the log is the secretariat's alone", async () => {
    const { t } = s;
    const logCount = async () => (await t.db.select({ n: count() }).from(exportLog))[0]!.n;
    const lastLog = async () => (await t.db.select().from(exportLog).orderBy(exportLog.id))!.at(-1)!;

    for (const [actor, consultationId, format, raw, logged] of [
      [s.anchorX, s.w.consultationX, "csv", { status: "accepted", q: "dignité" }, { locale: "en" }],
      [s.secretariat, null, "xlsx", { theme: 5 }, { locale: "en" }],
      [s.secretariat, s.w.consultationY, "json", {}, {}],
    ] as const) {
      const before = await logCount();
      await webBuffer(await exportSubmissions({ actor, consultationId, filters: filters(raw), format }));
      expect(await logCount()).toBe(before + 1);
      const row = await lastLog();
      expect(row).toMatchObject({ actorId: actor.userId, consultationId, format, kind: "submissions" });
      expect(row.filters).toEqual({ sort: "newest", ...raw, ...logged });
    }
    const before = await logCount();
    await webBuffer(await exportParticipants({ actor: s.anchorX, consultationId: s.w.consultationX, format: "xlsx", locale: "es" }));
    expect(await logCount()).toBe(before + 1);
    expect(await lastLog()).toMatchObject({ actorId: s.anchorX.userId, consultationId: s.w.consultationX, format: "xlsx", kind: "participants", filters: { locale: "es" } });

    // A refused export writes nothing.
    const refusedBefore = await logCount();
    await expect(exportSubmissions({ actor: s.anchorY, consultationId: s.w.consultationX, filters: filters(), format: "csv" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(exportSubmissions({ actor: s.anchorX, consultationId: null, filters: filters(), format: "csv" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(exportSubmissions({ actor: s.memberA, consultationId: s.w.consultationX, filters: filters(), format: "json" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(exportParticipants({ actor: s.anchorY, consultationId: s.w.consultationX, format: "csv" })).rejects.toBeInstanceOf(NotFoundError);
    expect(await logCount()).toBe(refusedBefore);

    const log = await listExportLog({ actor: s.secretariat });
    expect(log.length).toBe(await logCount());
    expect(log[0]).toMatchObject({ format: "xlsx", kind: "participants", consultation: "ASIA", actorEmail: s.anchorX.email });
    expect(log.find((l) => l.consultation === null)).toMatchObject({ format: "xlsx", kind: "submissions", actorEmail: s.secretariat.email, filters: { sort: "newest", theme: 5, locale: "en" } });
    // A page at a time, newest first, with the count for the pager.
    expect(await countExportLog({ actor: s.secretariat })).toBe(log.length);
    const pages = [1, 2, 3].map((page) => listExportLog({ actor: s.secretariat, page, pageSize: 2 }));
    expect((await Promise.all(pages)).flat().map((l) => l.id)).toEqual(log.slice(0, 6).map((l) => l.id));
    for (const actor of [s.anchorX, s.anchorY, s.memberA, s.ownerA, s.memberB]) {
      await expect(countExportLog({ actor })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listExportLog({ actor })).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it("the participants export: in words, formulas inert in CSV, text as typed in XLSX", async () => {
    const csv = await webBuffer(await exportParticipants({ actor: s.anchorX, consultationId: s.w.consultationX, format: "csv", locale: "en" }));
    expect([...csv.subarray(0, 3)]).toEqual(BOM);
    const records = pythonCsv(csv);
    const m = catalogue("en");
    expect(records[0]).toEqual(PARTICIPANT_COLUMNS.map((c) => m.exports.columns[c]));
    const [orgA] = await s.t.db.select().from(organisations).where(eq(organisations.id, s.w.orgA));
    expect(records.slice(1)).toEqual([
      [orgA!.name, "Fiji", "FJ", "Received", "'=cmd|' /C calc'!A0", "'+Dr", "p1@example.net", "In person", "yes", "'-TH", "'@wheelchair", "'\tfr", "'\rhalal", "yes", `${ARABIC}, "${FRENCH}"\nsecond line`],
      [orgA!.name, "Fiji", "FJ", "Received", "Zoë Ndiaye", "", "p2@example.net", "Remotely", "no", "", "", "", "", "no", ""],
    ]);

    const xlsx = await webBuffer(await exportParticipants({ actor: s.secretariat, consultationId: s.w.consultationX, format: "xlsx", locale: "en" }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet(m.exports.sheets.participants)!;
    expect(sheet.getRow(2).getCell(5).value).toBe("=cmd|' /C calc'!A0");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    sheet.eachRow((row) =>
      row.eachCell((c) => {
        expect(c.type).not.toBe(ExcelJS.ValueType.Formula);
        expect(c.formula).toBeUndefined();
      }),
    );
    const zip = await JSZip.loadAsync(xlsx);
    for (const name of Object.keys(zip.files).filter((n) => n.startsWith("xl/worksheets/sheet"))) {
      expect(await zip.file(name)!.async("string")).not.toMatch(/<f[\s>/]/);
    }
  });
});
