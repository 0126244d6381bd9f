import "server-only";
// Exports of inputs (SPEC §E): CSV (UTF-8 with BOM, RFC 4180), XLSX (sheets: submissions,
// recommendations, registrations) and JSON (schema in lib/exports/submissions.schema.json). Rows are
// read in keyset batches and written as they come, so memory does not grow with the number of rows;
// they honour the dashboard's filters; every export is logged.
import { PassThrough, Readable } from "node:stream";
import { stringify } from "csv-stringify";
import { and, asc, count, eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { getDb } from "@/db/client";
import { consultations, exportLog, organisations, submissions, themeTranslations, users } from "@/db/schema";
import { canModerate, type Actor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { queueConditions } from "@/lib/moderation/queue";
import type { QueueFilters } from "@/lib/moderation/schemas";
import { participantsForExport } from "@/lib/registrations";
import { cell } from "./cells";
import { participantColumns, participantRecord } from "./participants";
import { whileBacklogged } from "./xlsx";

// Everything an export writes, and nothing more: the search document (tsvector) alone is as large
// as the text and made exports several times slower when it was read.
const exportedColumns = {
  id: submissions.id,
  reference: submissions.reference,
  status: submissions.status,
  title: submissions.title,
  themes: submissions.themes,
  summary: submissions.summary,
  body: submissions.body,
  recommendations: submissions.recommendations,
  countries: submissions.countries,
  language: submissions.language,
  keywords: submissions.keywords,
  publication: submissions.publication,
  publishedAt: submissions.publishedAt,
  channel: submissions.channel,
  contactName: submissions.contactName,
  contactEmail: submissions.contactEmail,
  submittedAt: submissions.submittedAt,
  updatedAt: submissions.updatedAt,
};

export interface ExportRow {
  reference: string;
  consultation: string;
  region: string;
  status: string;
  title: string;
  themes: number[];
  themeNames: string[];
  summary: string;
  body: string;
  recommendations: string[];
  countries: string[];
  language: string;
  keywords: string[];
  publication: string;
  published: boolean;
  channel: string;
  organisation: string;
  organisationType: string;
  organisationCountry: string;
  organisationVerified: boolean;
  contactName: string;
  contactEmail: string;
  submittedAt: string;
  updatedAt: string;
}

export const csvColumns: (keyof ExportRow)[] = [
  "reference",
  "consultation",
  "region",
  "status",
  "title",
  "themes",
  "themeNames",
  "summary",
  "body",
  "recommendations",
  "countries",
  "language",
  "keywords",
  "publication",
  "published",
  "channel",
  "organisation",
  "organisationType",
  "organisationCountry",
  "organisationVerified",
  "contactName",
  "contactEmail",
  "submittedAt",
  "updatedAt",
];

function assertMayExport(actor: Actor, consultationId: string | null) {
  if (consultationId === null ? !actor.secretariat : !canModerate(actor, consultationId)) {
    if (consultationId === null) throw new ForbiddenError();
    throw new NotFoundError();
  }
}

/** Every input matching the filters, oldest first, in batches (bounded memory). */
export async function* exportRows({
  actor,
  consultationId,
  filters,
  batch = 1000,
}: {
  actor: Actor;
  consultationId: string | null;
  filters: QueueFilters;
  batch?: number;
}): AsyncGenerator<ExportRow> {
  assertMayExport(actor, consultationId);
  const db = await getDb();
  const names = new Map((await db.select().from(themeTranslations).where(eq(themeTranslations.locale, "en"))).map((t) => [t.themeId, t.name]));
  const base = queueConditions(actor, consultationId, { ...filters, after: undefined, sort: "oldest" });
  let after: { at: Date; id: string } | null = null;
  for (;;) {
    const conds = [...base];
    // Row-value keyset: each batch starts at the cursor in the index instead of re-reading the rows before it.
    if (after) conds.push(sql`(${submissions.submittedAt}, ${submissions.id}) > (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)`);
    const rows = await db
      .select({ s: exportedColumns, orgName: organisations.name, orgType: organisations.type, orgCountry: organisations.country, orgVerifiedAt: organisations.verifiedAt, code: consultations.code, region: consultations.region })
      .from(submissions)
      .innerJoin(organisations, eq(organisations.id, submissions.organisationId))
      .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
      .where(and(...conds))
      .orderBy(asc(submissions.submittedAt), asc(submissions.id))
      .limit(batch);
    for (const r of rows) {
      const s = r.s;
      yield {
        reference: s.reference ?? "",
        consultation: r.code,
        region: r.region,
        status: s.status,
        title: s.title,
        themes: s.themes,
        themeNames: s.themes.map((t) => names.get(t) ?? String(t)),
        summary: s.summary,
        body: s.body,
        recommendations: s.recommendations,
        countries: s.countries,
        language: s.language,
        keywords: s.keywords,
        publication: s.publication,
        published: s.publishedAt !== null,
        channel: s.channel,
        organisation: r.orgName,
        organisationType: r.orgType,
        organisationCountry: r.orgCountry,
        organisationVerified: r.orgVerifiedAt !== null,
        contactName: s.contactName ?? "",
        contactEmail: s.contactEmail ?? "",
        submittedAt: s.submittedAt?.toISOString() ?? "",
        updatedAt: s.updatedAt.toISOString(),
      };
    }
    const last = rows.at(-1);
    if (!last || rows.length < batch || !last.s.submittedAt) return;
    after = { at: last.s.submittedAt, id: last.s.id };
  }
}

const flat = (v: ExportRow[keyof ExportRow]): string | number | boolean => (Array.isArray(v) ? v.join("\n") : v);

export function csvRecord(r: ExportRow): (string | number)[] {
  return csvColumns.map((c) => cell(flat(r[c])));
}

async function logExport(actor: Actor, consultationId: string | null, format: "csv" | "xlsx" | "json", kind: string, filters: QueueFilters) {
  const db = await getDb();
  await db.insert(exportLog).values({ actorId: actor.userId, consultationId, format, kind, filters: Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) });
}

export type ExportFormat = "csv" | "xlsx" | "json";

/** Authorises, logs, and returns the export as a stream. */
export async function exportSubmissions({
  actor,
  consultationId,
  filters,
  format,
}: {
  actor: Actor;
  consultationId: string | null;
  filters: QueueFilters;
  format: ExportFormat;
}): Promise<ReadableStream<Uint8Array>> {
  assertMayExport(actor, consultationId);
  await logExport(actor, consultationId, format, "submissions", filters);
  const rows = () => exportRows({ actor, consultationId, filters });
  if (format === "csv") return toWeb(csvStream(rows()));
  // objectMode false: the strings become bytes (a web byte stream of strings fails in Response).
  if (format === "json") return toWeb(Readable.from(jsonChunks(rows(), consultationId), { objectMode: false }));
  return toWeb(xlsxStream(actor, consultationId, rows, () => exportRows({ actor, consultationId, filters })));
}

const toWeb = (s: Readable) => Readable.toWeb(s) as ReadableStream<Uint8Array>;

export function csvStream(rows: AsyncIterable<ExportRow>): Readable {
  const csv = stringify({ bom: true, header: true, columns: csvColumns as string[], record_delimiter: "\r\n" });
  const source = Readable.from(
    (async function* () {
      for await (const r of rows) yield csvRecord(r);
    })(),
  );
  // pipe() does not forward errors: without this a failure mid-export would leave the download hanging.
  source.on("error", (e) => csv.destroy(e));
  source.pipe(csv);
  return csv;
}

async function* jsonChunks(rows: AsyncIterable<ExportRow>, consultationId: string | null): AsyncGenerator<string> {
  yield `{"$schema":"https://gcm-consultations.example/schemas/submissions-export.json","version":1,"generatedAt":${JSON.stringify(new Date().toISOString())},"scope":${JSON.stringify(consultationId ?? "all")},"submissions":[`;
  let first = true;
  for await (const r of rows) {
    yield `${first ? "" : ","}\n${JSON.stringify(r)}`;
    first = false;
  }
  yield "\n]}\n";
}

function xlsxStream(actor: Actor, consultationId: string | null, rows: () => AsyncIterable<ExportRow>, again: () => AsyncIterable<ExportRow>): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  void (async () => {
    try {
      const subs = workbook.addWorksheet("submissions");
      subs.addRow(csvColumns).commit();
      let n = 0;
      for await (const r of rows()) {
        subs.addRow(csvRecord(r)).commit();
        if (++n % 250 === 0) await whileBacklogged(subs, out);
      }
      subs.commit();
      const recs = workbook.addWorksheet("recommendations");
      recs.addRow(["reference", "number", "recommendation"]).commit();
      for await (const r of again()) {
        r.recommendations.forEach((text, i) => recs.addRow([cell(r.reference), i + 1, cell(text)]).commit());
        if (++n % 250 === 0) await whileBacklogged(recs, out);
      }
      recs.commit();
      const regs = workbook.addWorksheet("registrations");
      regs.addRow(["consultation", ...participantColumns]).commit();
      const db = await getDb();
      const scope = consultationId
        ? await db.select({ id: consultations.id, code: consultations.code }).from(consultations).where(eq(consultations.id, consultationId))
        : await db.select({ id: consultations.id, code: consultations.code }).from(consultations).orderBy(asc(consultations.code));
      for (const c of scope) {
        for await (const p of participantsForExport({ actor, consultationId: c.id })) {
          regs.addRow([cell(c.code), ...participantRecord(p)]).commit();
          if (++n % 250 === 0) await whileBacklogged(regs, out);
        }
      }
      regs.commit();
      await workbook.commit();
    } catch (e) {
      out.destroy(e as Error);
    }
  })();
  return out;
}

export const EXPORT_LOG_PAGE_SIZE = 100;

/** The export log, for the secretariat, newest first, a page at a time. */
export async function listExportLog({ actor, page = 1, pageSize = EXPORT_LOG_PAGE_SIZE }: { actor: Actor; page?: number; pageSize?: number }) {
  if (!actor.secretariat) throw new ForbiddenError();
  const db = await getDb();
  return db
    .select({ id: exportLog.id, format: exportLog.format, kind: exportLog.kind, filters: exportLog.filters, createdAt: exportLog.createdAt, consultation: consultations.code, actorEmail: users.email })
    .from(exportLog)
    .leftJoin(consultations, eq(consultations.id, exportLog.consultationId))
    .leftJoin(users, eq(users.id, exportLog.actorId))
    .orderBy(sql`${exportLog.id} desc`)
    .limit(pageSize)
    .offset((page - 1) * pageSize);
}

/** How many exports the log holds (the secretariat's pager). */
export async function countExportLog({ actor }: { actor: Actor }): Promise<number> {
  if (!actor.secretariat) throw new ForbiddenError();
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(exportLog);
  return row?.n ?? 0;
}

