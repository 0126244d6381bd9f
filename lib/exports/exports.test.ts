// Exports on real databases: CSV (read back with Python's csv module, not by this code's
// library), XLSX and JSON compared, field by field, with what the database holds — Arabic, French
// accents, line breaks (LF, CR, CRLF), quotes and commas intact; in CSV every value a spreadsheet
// would take for a formula (=, +, -, @, tab, carriage return) made inert, in XLSX text left as it is
// (a text cell never runs). Columns and values in words of the export's language, read from the
// message catalogue and Intl here. Filters give exactly the queue's rows; every export is logged.
import fs from "node:fs";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { asc, count, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabaseForTests } from "@/db/client";
import { attachments, exportLog, organisations, submissions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { listQueue } from "@/lib/moderation/queue";
import { createTestDatabase, drivers } from "@/lib/testing/db";
import { csvField } from "./csv";
import { exportParticipants } from "./participants";
import {
  countExportLog,
  exportRows,
  exportSubmissions,
  listExportLog,
  type ExportFormat,
  type ExportRow,
} from "./submissions";
import { ARABIC, arabic, FRENCH, french, type Setup, setUp, tricky } from "@/lib/testing/export-fixtures";
import {
  asCsv,
  BOM,
  catalogue,
  databaseRows,
  expectedWords,
  filters,
  FORMULA_START,
  INPUT_COLUMNS,
  machine,
  nodeBuffer,
  PARTICIPANT_COLUMNS,
  pythonCsv,
  themeNamesIn,
  webBuffer,
  xmlText,
} from "@/lib/testing/exports";

describe("csvField (RFC 4180 as every reader splits it)", () => {
  it("quotes a field with a comma, a quote, a bare LF, a bare CR, CRLF, or a space or tab at either end", () => {
    for (const v of ["a,b", 'say "hi"', "one\ntwo", "one\rtwo", "one\r\ntwo", " lead", "trail ", "x\t"])
      expect(csvField(v), JSON.stringify(v)).toMatch(/^".*"$/s);
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
    const cells = rows
      .flatMap((r) => Object.values(expectedWords(r, "en", names)))
      .filter((v): v is string => typeof v === "string");
    for (const c of FORMULA_START)
      expect(
        cells.some((v) => v.startsWith(c)),
        JSON.stringify(c),
      ).toBe(true);
    expect(cells.some((v) => /[^\r]\n/.test(v) && !v.includes("\r"))).toBe(true);
    expect(cells.some((v) => /\r[^\n]/.test(v))).toBe(true);
    expect(rows.some((r) => r.attachmentNames.length === 2)).toBe(true);
    const [drafts] = await s.t.db.select({ n: count() }).from(submissions).where(eq(submissions.status, "draft"));
    expect(drafts!.n).toBe(1);
  });

  for (const locale of ["en", "fr", "ar"] as const) {
    it(`CSV in ${locale}: UTF-8 with a BOM, CRLF, read by Python's csv as in the database, in words, formulas inert`, async () => {
      const expected = await databaseRows(s.t, s.w.consultationX);
      const buf = await webBuffer(
        await exportSubmissions({
          actor: s.anchorX,
          consultationId: s.w.consultationX,
          filters: filters(),
          format: "csv",
          locale,
        }),
      );
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
    const buf = await webBuffer(
      await exportSubmissions({
        actor: s.anchorX,
        consultationId: s.w.consultationX,
        filters: filters(),
        format: "xlsx",
        locale: "fr",
        baseUrl: "https://portal.example",
      }),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const m = catalogue("fr");
    expect(wb.worksheets.map((x) => x.name)).toEqual([
      m.exports.sheets.inputs,
      m.exports.sheets.recommendations,
      m.exports.sheets.attachments,
      m.exports.sheets.participants,
    ]);

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
    expect(subs.slice(1)).toEqual(
      expected.map((row) =>
        INPUT_COLUMNS.map((c) => {
          const v = expectedWords(row, "fr", names)[c];
          return typeof v === "string" ? xmlText(v) : v;
        }),
      ),
    );
    expect(subs.slice(1).some((r) => r.includes('=HYPERLINK("http://x")'))).toBe(true);
    // Made for reading.
    expect(inputs.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(inputs.autoFilter).toBe(`A1:AB1`);
    expect(inputs.getColumn(INPUT_COLUMNS.indexOf("body") + 1).width).toBe(80);
    expect(inputs.getRow(2).getCell(INPUT_COLUMNS.indexOf("body") + 1).alignment).toMatchObject({
      wrapText: true,
      vertical: "top",
    });
    expect(inputs.getRow(1).getCell(1).font).toMatchObject({ bold: true });
    // Rows as tall as their longest cell needs (no program grows them on opening): the tricky input's
    // body and recommendations run over several lines.
    const trickyRow = subs.findIndex((r) => r[INPUT_COLUMNS.indexOf("title")] === tricky.title) + 1;
    expect(inputs.getRow(trickyRow).height).toBeGreaterThanOrEqual(15 * tricky.recommendations.length);
    const date = inputs.getRow(2).getCell(INPUT_COLUMNS.indexOf("submittedAt") + 1);
    expect(date.type).toBe(ExcelJS.ValueType.Date);
    expect(date.numFmt).toBe("yyyy-mm-dd hh:mm");

    const recs = values(wb.getWorksheet(m.exports.sheets.recommendations)!, 4);
    expect(recs[0]).toEqual([
      m.exports.columns.reference,
      m.exports.columns.region,
      m.exports.columns.number,
      m.exports.columns.recommendation,
    ]);
    const expectedRecs = expected.flatMap((r) =>
      r.recommendations.map((text, i) => [r.reference, "Asie", i + 1, xmlText(text)]),
    );
    expect(expectedRecs.length).toBe(
      tricky.recommendations.length + arabic.recommendations.length + french.recommendations.length,
    );
    expect(recs.slice(1)).toEqual(expectedRecs);

    // Attachments: name, size in KB, and a link to the download route (which checks who asks).
    const files = values(wb.getWorksheet(m.exports.sheets.attachments)!, 6);
    const dbFiles = await s.t.db.select().from(attachments).orderBy(asc(attachments.id));
    const arabicRef = expected.find((r) => r.title === ARABIC)!.reference;
    expect(files.slice(1)).toEqual(
      dbFiles.map((f) => [
        arabicRef,
        "Asie",
        ARABIC,
        f.fileName,
        Math.round(f.size / 102.4) / 10,
        {
          text: `https://portal.example/api/attachments/${f.id}`,
          hyperlink: `https://portal.example/api/attachments/${f.id}`,
        },
      ]),
    );

    const regs = values(wb.getWorksheet(m.exports.sheets.participants)!, PARTICIPANT_COLUMNS.length + 1);
    expect(regs[0]).toEqual([m.exports.columns.region, ...PARTICIPANT_COLUMNS.map((c) => m.exports.columns[c])]);
    expect(regs.slice(1).map((r) => r[0])).toEqual(["Asie", "Asie"]);
    expect(regs.map((r) => r[5])).toEqual([m.exports.columns.name, "=cmd|' /C calc'!A0", "Zoë Ndiaye"]);
    expect(regs[1]?.slice(8, 15)).toEqual([
      catalogue("fr").registration.attendance.in_person,
      "oui",
      "-TH",
      "@wheelchair",
      "\tfr",
      "\nhalal",
      "oui",
    ]);

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
    const buf = await webBuffer(
      await exportSubmissions({
        actor: s.anchorX,
        consultationId: s.w.consultationX,
        filters: filters(),
        format: "xlsx",
        locale: "ar",
      }),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const m = catalogue("ar");
    const sheet = wb.getWorksheet(m.exports.sheets.inputs)!;
    expect(sheet.views[0]).toMatchObject({ rightToLeft: true, state: "frozen" });
    expect(sheet.getRow(1).getCell(5).value).toBe(m.exports.columns.title);
  });

  it("JSON: valid against lib/exports/submissions.schema.json, every field exactly as in the database", async () => {
    const schema = JSON.parse(
      fs.readFileSync(path.join(import.meta.dirname, "submissions.schema.json"), "utf8"),
    ) as Record<string, unknown>;
    const ajv = new Ajv2020({ strict: true, allErrors: true, validateFormats: false });
    const validate = ajv.compile(schema);
    for (const [actor, consultationId] of [
      [s.anchorX, s.w.consultationX],
      [s.secretariat, null],
    ] as const) {
      const buf = await webBuffer(
        await exportSubmissions({ actor, consultationId, filters: filters(), format: "json", locale: "fr" }),
      );
      const doc = JSON.parse(buf.toString("utf8")) as {
        $schema: string;
        version: number;
        generatedAt: string;
        scope: string;
        submissions: ExportRow[];
      };
      expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
      expect(doc.$schema).toBe(schema.$id);
      expect(doc.scope).toBe(consultationId ?? "all");
      expect(Math.abs(Date.parse(doc.generatedAt) - Date.now())).toBeLessThan(60_000);
      // Machine-shaped in every language: codes and English theme names.
      expect(doc.submissions).toEqual(machine(await databaseRows(s.t, consultationId)));
    }
    expect(
      await exportRows({ actor: s.anchorX, consultationId: s.w.consultationX, filters: filters() }).next(),
    ).toMatchObject({ done: false });
    // The schema is not vacuous: a wrong field fails it.
    const bad = {
      $schema: schema.$id,
      version: 1,
      generatedAt: new Date().toISOString(),
      scope: "all",
      submissions: [{ ...machine(await databaseRows(s.t, null))[0]!, status: "draft" }],
    };
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
      const shown = (await listQueue({ actor, consultationId, filters: f, pageSize: 100 })).rows
        .map((r) => r.reference)
        .sort();
      const label = `${consultationId ? "X" : "all"} ${JSON.stringify(raw)}`;
      if (Object.keys(raw).length) expect(shown.length, label).toBeGreaterThan(0);
      if (Object.keys(raw).length) expect(shown.length, label).toBeLessThan(all);
      for (const format of ["csv", "json", "xlsx"] as ExportFormat[]) {
        const buf = await webBuffer(await exportSubmissions({ actor, consultationId, filters: f, format }));
        let refs: string[];
        if (format === "csv")
          refs = pythonCsv(buf)
            .slice(1)
            .map((r) => r[0]!);
        else if (format === "json")
          refs = (JSON.parse(buf.toString("utf8")) as { submissions: ExportRow[] }).submissions.map((r) => r.reference);
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
    await webBuffer(
      await exportParticipants({ actor: s.anchorX, consultationId: s.w.consultationX, format: "xlsx", locale: "es" }),
    );
    expect(await logCount()).toBe(before + 1);
    expect(await lastLog()).toMatchObject({
      actorId: s.anchorX.userId,
      consultationId: s.w.consultationX,
      format: "xlsx",
      kind: "participants",
      filters: { locale: "es" },
    });

    // A refused export writes nothing.
    const refusedBefore = await logCount();
    await expect(
      exportSubmissions({ actor: s.anchorY, consultationId: s.w.consultationX, filters: filters(), format: "csv" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      exportSubmissions({ actor: s.anchorX, consultationId: null, filters: filters(), format: "csv" }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      exportSubmissions({ actor: s.memberA, consultationId: s.w.consultationX, filters: filters(), format: "json" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      exportParticipants({ actor: s.anchorY, consultationId: s.w.consultationX, format: "csv" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await logCount()).toBe(refusedBefore);

    const log = await listExportLog({ actor: s.secretariat });
    expect(log.length).toBe(await logCount());
    expect(log[0]).toMatchObject({
      format: "xlsx",
      kind: "participants",
      consultation: "ASIA",
      actorEmail: s.anchorX.email,
    });
    expect(log.find((l) => l.consultation === null)).toMatchObject({
      format: "xlsx",
      kind: "submissions",
      actorEmail: s.secretariat.email,
      filters: { sort: "newest", theme: 5, locale: "en" },
    });
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
    const csv = await webBuffer(
      await exportParticipants({ actor: s.anchorX, consultationId: s.w.consultationX, format: "csv", locale: "en" }),
    );
    expect([...csv.subarray(0, 3)]).toEqual(BOM);
    const records = pythonCsv(csv);
    const m = catalogue("en");
    expect(records[0]).toEqual(PARTICIPANT_COLUMNS.map((c) => m.exports.columns[c]));
    const [orgA] = await s.t.db.select().from(organisations).where(eq(organisations.id, s.w.orgA));
    expect(records.slice(1)).toEqual([
      [
        orgA!.name,
        "Fiji",
        "FJ",
        "Received",
        "'=cmd|' /C calc'!A0",
        "'+Dr",
        "p1@example.net",
        "In person",
        "yes",
        "'-TH",
        "'@wheelchair",
        "'\tfr",
        "'\rhalal",
        "yes",
        `${ARABIC}, "${FRENCH}"\nsecond line`,
      ],
      [
        orgA!.name,
        "Fiji",
        "FJ",
        "Received",
        "Zoë Ndiaye",
        "",
        "p2@example.net",
        "Remotely",
        "no",
        "",
        "",
        "",
        "",
        "no",
        "",
      ],
    ]);

    const xlsx = await webBuffer(
      await exportParticipants({
        actor: s.secretariat,
        consultationId: s.w.consultationX,
        format: "xlsx",
        locale: "en",
      }),
    );
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
