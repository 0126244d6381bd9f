// Exports (SPEC §E) on real databases: CSV, XLSX and JSON read back and compared, field by field,
// with what the database holds — Arabic, French accents, line breaks, quotes and commas intact, and
// every value that a spreadsheet would take for a formula (=, +, -, @, tab, carriage return) made
// inert. Filters give exactly the queue's rows; every export is logged; the log is the secretariat's.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import Ajv2020 from "ajv/dist/2020";
import { parse } from "csv-parse/sync";
import { and, asc, count, eq, ne } from "drizzle-orm";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabaseForTests } from "@/db/client";
import { consultations, exportLog, organisations, participants, registrations, submissions, themeTranslations } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { moderate } from "@/lib/moderation/decisions";
import { listQueue } from "@/lib/moderation/queue";
import { moderationActionSchema, queueFiltersSchema } from "@/lib/moderation/schemas";
import { saveDraft, submitSubmission } from "@/lib/submissions";
import { draftSchema, submissionContentSchema, submissionSchema, type SubmissionContent } from "@/lib/submissions/schemas";
import { createTestDatabase, drivers, type TestDatabase } from "@/lib/testing/db";
import { buildWorld, type World } from "@/lib/testing/fixtures";
import { exportParticipants, participantColumns } from "./participants";
import { countExportLog, csvColumns, csvStream, exportRows, exportSubmissions, listExportLog, type ExportFormat, type ExportRow } from "./submissions";

// ---------------------------------------------------------------- helpers (independent of lib/exports)
const key = () => randomUUID().replaceAll("-", "");
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

const content = (over: Partial<SubmissionContent> = {}): SubmissionContent =>
  submissionContentSchema.parse({
    title: "An input",
    themes: [1],
    summary: "A short summary.",
    body: "What the organisation has to say.",
    recommendations: [],
    countries: ["TH"],
    language: "en",
    contactName: "Contact Person",
    contactEmail: "contact@example.net",
    publication: "named",
    ...over,
  });

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
async function databaseRows(t: TestDatabase, consultationId: string | null): Promise<ExportRow[]> {
  const names = new Map((await t.db.select().from(themeTranslations).where(eq(themeTranslations.locale, "en"))).map((x) => [x.themeId, x.name]));
  const rows = await t.db
    .select({ s: submissions, o: organisations, c: consultations })
    .from(submissions)
    .innerJoin(organisations, eq(organisations.id, submissions.organisationId))
    .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
    .where(and(ne(submissions.status, "draft"), consultationId ? eq(submissions.consultationId, consultationId) : undefined))
    .orderBy(asc(submissions.submittedAt), asc(submissions.id));
  return rows.map(({ s, o, c }) => ({
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

  it("seeds what the tests need: every formula start in some field, and a draft", async () => {
    const rows = await databaseRows(s.t, s.w.consultationX);
    expect(rows).toHaveLength(4);
    const cells = rows.flatMap((r) => csvColumns.map((c) => expectedCell(r[c]))).filter((v): v is string => typeof v === "string");
    for (const c of FORMULA_START) expect(cells.some((v) => v.startsWith(`'${c}`)), JSON.stringify(c)).toBe(true);
    const [drafts] = await s.t.db.select({ n: count() }).from(submissions).where(eq(submissions.status, "draft"));
    expect(drafts!.n).toBe(1);
  });

  it("CSV: UTF-8 with a BOM, RFC 4180, every field as in the database, formulas inert", async () => {
    const expected = await databaseRows(s.t, s.w.consultationX);
    const buf = await nodeBuffer(csvStream(exportRows({ actor: s.anchorX, consultationId: s.w.consultationX, filters: filters() })));
    expect([...buf.subarray(0, 3)]).toEqual(BOM);
    const text = buf.toString("utf8");
    expect(text.endsWith("\r\n")).toBe(true);
    const records = parse(buf, { bom: true, relax_quotes: false }) as string[][];
    expect(records[0]).toEqual(csvColumns);
    const body = records.slice(1);
    expect(body).toHaveLength(expected.length);
    expected.forEach((row, i) => {
      expect(body[i], row.reference).toEqual(csvColumns.map((c) => String(expectedCell(row[c]))));
    });
    // Spot checks, spelled out.
    const byRef = new Map(body.map((r) => [r[0], Object.fromEntries(csvColumns.map((c, j) => [c, r[j]]))]));
    const t = byRef.get(expected.find((r) => r.title === tricky.title)!.reference)!;
    expect(t.title).toBe(`'=HYPERLINK("http://x")`);
    expect(t.summary).toBe("'-2");
    expect(t.body).toBe(`'${tricky.body.replace("\r\n", "\n")}`);
    expect(t.recommendations).toBe(`'${tricky.recommendations.join("\n")}`);
    expect(t.contactName).toBe("'\tTab");
    expect(t.keywords).toBe("'\rCR\n=k\ndignité\na,b");
    const a = byRef.get(expected.find((r) => r.title === ARABIC)!.reference)!;
    expect(a.title).toBe(ARABIC);
    expect(a.organisation).toBe("'+Org B, «الدولية»");
    expect(a.themes).toBe("2\n5");
    expect(a.keywords).toBe("travail\n+urgent");
    expect(a.organisationVerified).toBe("yes");
    const f = byRef.get(expected.find((r) => r.title === FRENCH)!.reference)!;
    expect(f.summary).toBe('Il a dit "oui", puis\n"non".');
    expect(f.published).toBe("yes");
    expect(f.status).toBe("accepted");
    expect(f.contactName).toBe("Éloïse Dupré-Łukasz");
    const p = byRef.get(expected.find((r) => r.title === "Plain input")!.reference)!;
    expect(p.body).toBe('Line one\r\nLine two, "quoted"\rLine three');
    expect(p.contactName).toBe("'\r\nCRLF name");
  });

  it("CSV: a failure while reading rows ends the stream with the error, never a hanging download", async () => {
    const [first] = await databaseRows(s.t, s.w.consultationX);
    async function* failing() {
      yield first!;
      throw new Error("database went away");
    }
    const outcome = await Promise.race([
      nodeBuffer(csvStream(failing())).then(
        () => "ended normally",
        (e: unknown) => (e as Error).message,
      ),
      new Promise((r) => setTimeout(() => r("hung"), 2_000)),
    ]);
    expect(outcome).toBe("database went away");
  });

  it("XLSX: sheets submissions, recommendations, registrations; every value as in the database; no formula anywhere", async () => {
    const expected = await databaseRows(s.t, s.w.consultationX);
    const buf = await webBuffer(await exportSubmissions({ actor: s.anchorX, consultationId: s.w.consultationX, filters: filters(), format: "xlsx" }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    expect(wb.worksheets.map((x) => x.name)).toEqual(["submissions", "recommendations", "registrations"]);

    const values = (sheet: ExcelJS.Worksheet, width: number) => {
      const out: (string | number)[][] = [];
      sheet.eachRow({ includeEmpty: true }, (row) => {
        out.push(Array.from({ length: width }, (_, i) => (row.getCell(i + 1).value ?? "") as string | number));
      });
      return out;
    };
    const subs = values(wb.getWorksheet("submissions")!, csvColumns.length);
    expect(subs[0]).toEqual(csvColumns);
    expect(subs.slice(1)).toEqual(expected.map((row) => csvColumns.map((c) => xmlText(expectedCell(row[c])))));
    // Carriage returns are the only loss: XML reads CR and CRLF as LF, which Excel shows the same.
    expect(expected.some((r) => r.body.includes("\r\n") && r.contactName.startsWith("\r"))).toBe(true);

    const recs = values(wb.getWorksheet("recommendations")!, 3);
    expect(recs[0]).toEqual(["reference", "number", "recommendation"]);
    const expectedRecs = expected.flatMap((r) => r.recommendations.map((text, i) => [r.reference, i + 1, xmlText(expectedCell(text))]));
    expect(expectedRecs.length).toBe(tricky.recommendations.length + arabic.recommendations.length + french.recommendations.length);
    expect(recs.slice(1)).toEqual(expectedRecs);
    expect(recs).toContainEqual([expected.find((r) => r.title === tricky.title)!.reference, 1, "'+1+1"]);

    // The participants export's columns, after the consultation's code (not its internal id).
    const regs = values(wb.getWorksheet("registrations")!, participantColumns.length + 1);
    expect(regs[0]).toEqual(["consultation", ...participantColumns]);
    const [codeX] = await s.t.db.select({ code: consultations.code }).from(consultations).where(eq(consultations.id, s.w.consultationX));
    expect(regs.slice(1).map((r) => r[0])).toEqual([codeX!.code, codeX!.code]);
    expect(regs.map((r) => r[4])).toEqual(["name", "'=cmd|' /C calc'!A0", "Zoë Ndiaye"]);
    expect(regs[1]?.slice(8, 14)).toEqual(["yes", "'-TH", "'@wheelchair", "'\tfr", "'\nhalal", "yes"]);

    // Formula injection is inert: no cell is a formula, and no sheet has an <f> element at all.
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
    expect(sheetFiles).toHaveLength(3);
    for (const name of sheetFiles) {
      const xml = await zip.file(name)!.async("string");
      expect(xml, name).not.toMatch(/<f[\s>/]/);
      expect(xml).toContain("<sheetData>");
    }
    expect(Object.keys(zip.files)).not.toContain("xl/calcChain.xml");
  });

  it("JSON: valid against lib/exports/submissions.schema.json, every field exactly as in the database", async () => {
    const schema = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "submissions.schema.json"), "utf8")) as Record<string, unknown>;
    const ajv = new Ajv2020({ strict: true, allErrors: true, validateFormats: false });
    const validate = ajv.compile(schema);
    for (const [actor, consultationId] of [
      [s.anchorX, s.w.consultationX],
      [s.secretariat, null],
    ] as const) {
      const buf = await webBuffer(await exportSubmissions({ actor, consultationId, filters: filters(), format: "json" }));
      const doc = JSON.parse(buf.toString("utf8")) as { $schema: string; version: number; generatedAt: string; scope: string; submissions: ExportRow[] };
      expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
      expect(doc.$schema).toBe(schema.$id);
      expect(doc.scope).toBe(consultationId ?? "all");
      expect(Math.abs(Date.parse(doc.generatedAt) - Date.now())).toBeLessThan(60_000);
      expect(doc.submissions).toEqual(await databaseRows(s.t, consultationId));
    }
    // The schema is not vacuous: a wrong field fails it.
    const bad = { $schema: schema.$id, version: 1, generatedAt: new Date().toISOString(), scope: "all", submissions: [{ ...(await databaseRows(s.t, null))[0]!, status: "draft" }] };
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
        if (format === "csv") refs = (parse(buf, { bom: true }) as string[][]).slice(1).map((r) => r[0]!);
        else if (format === "json") refs = (JSON.parse(buf.toString("utf8")) as { submissions: ExportRow[] }).submissions.map((r) => r.reference);
        else {
          const wb = new ExcelJS.Workbook();
          await wb.xlsx.load(buf as unknown as ArrayBuffer);
          refs = [];
          wb.getWorksheet("submissions")!.eachRow((row, n) => {
            if (n > 1) refs.push(String(row.getCell(1).value));
          });
        }
        expect(refs.sort(), `${label} ${format}`).toEqual(shown);
      }
    }
  });

  it("logs every export (who, format, kind, filters); the log is the secretariat's alone", async () => {
    const { t } = s;
    const logCount = async () => (await t.db.select({ n: count() }).from(exportLog))[0]!.n;
    const lastLog = async () => (await t.db.select().from(exportLog).orderBy(exportLog.id))!.at(-1)!;

    for (const [actor, consultationId, format, raw] of [
      [s.anchorX, s.w.consultationX, "csv", { status: "accepted", q: "dignité" }],
      [s.secretariat, null, "xlsx", { theme: 5 }],
      [s.secretariat, s.w.consultationY, "json", {}],
    ] as const) {
      const before = await logCount();
      await webBuffer(await exportSubmissions({ actor, consultationId, filters: filters(raw), format }));
      expect(await logCount()).toBe(before + 1);
      const row = await lastLog();
      expect(row).toMatchObject({ actorId: actor.userId, consultationId, format, kind: "submissions" });
      expect(row.filters).toEqual({ sort: "newest", ...raw });
    }
    const before = await logCount();
    await webBuffer(await exportParticipants({ actor: s.anchorX, consultationId: s.w.consultationX, format: "xlsx" }));
    expect(await logCount()).toBe(before + 1);
    expect(await lastLog()).toMatchObject({ actorId: s.anchorX.userId, consultationId: s.w.consultationX, format: "xlsx", kind: "participants", filters: {} });

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
    expect(log.find((l) => l.consultation === null)).toMatchObject({ format: "xlsx", kind: "submissions", actorEmail: s.secretariat.email, filters: { sort: "newest", theme: 5 } });
    // A page at a time, newest first, with the count for the pager.
    expect(await countExportLog({ actor: s.secretariat })).toBe(log.length);
    const pages = [1, 2, 3].map((page) => listExportLog({ actor: s.secretariat, page, pageSize: 2 }));
    expect((await Promise.all(pages)).flat().map((l) => l.id)).toEqual(log.slice(0, 6).map((l) => l.id));
    for (const actor of [s.anchorX, s.anchorY, s.memberA, s.ownerA, s.memberB]) {
      await expect(countExportLog({ actor })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listExportLog({ actor })).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it("the participants export neutralises formulas too, in CSV and XLSX", async () => {
    const csv = await webBuffer(await exportParticipants({ actor: s.anchorX, consultationId: s.w.consultationX, format: "csv" }));
    expect([...csv.subarray(0, 3)]).toEqual(BOM);
    const records = parse(csv, { bom: true }) as string[][];
    expect(records[0]).toEqual([...participantColumns]);
    const [orgA] = await s.t.db.select().from(organisations).where(eq(organisations.id, s.w.orgA));
    expect(records.slice(1)).toEqual([
      [
        orgA!.name,
        "FJ",
        "pending",
        "'=cmd|' /C calc'!A0",
        "'+Dr",
        "p1@example.net",
        "in_person",
        "yes",
        "'-TH",
        "'@wheelchair",
        "'\tfr",
        "'\rhalal",
        "yes",
        `${ARABIC}, "${FRENCH}"\nsecond line`,
      ],
      [orgA!.name, "FJ", "pending", "Zoë Ndiaye", "", "p2@example.net", "remote", "no", "", "", "", "", "no", ""],
    ]);

    const xlsx = await webBuffer(await exportParticipants({ actor: s.secretariat, consultationId: s.w.consultationX, format: "xlsx" }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("participants")!;
    expect(sheet.getRow(2).getCell(4).value).toBe("'=cmd|' /C calc'!A0");
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
