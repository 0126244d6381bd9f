import "server-only";
// Exports of inputs (SPEC §E): CSV (UTF-8 with BOM, RFC 4180), XLSX (sheets: submissions,
// recommendations, registrations) and JSON (schema in lib/exports/submissions.schema.json). Rows are
// read in keyset batches and written as they come, so memory does not grow with the number of rows;
// they honour the dashboard's filters; every export is logged.
import { PassThrough, Readable } from "node:stream";
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { attachments, consultations, exportLog, organisations, submissions, themeTranslations, users } from "@/db/schema";
import { canModerate, type Actor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { queueConditions } from "@/lib/moderation/queue";
import type { QueueFilters } from "@/lib/moderation/schemas";
import { participantsForExport } from "@/lib/registrations";
import type { AppLocale } from "@/lib/i18n/config";
import { csvDate, inputColumns, kilobytes, type ExportAttachment, type SourceRow, type Value } from "./columns";
import { csvStream } from "./csv";
import { loadExportLabels, type ExportLabels } from "./labels";
import { participantSheetColumns, participantValues } from "./participants";
import { readableSheet, readableWorkbook, type XlsxKind } from "./xlsx";

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

function assertMayExport(actor: Actor, consultationId: string | null) {
  if (consultationId === null ? !actor.secretariat : !canModerate(actor, consultationId)) {
    if (consultationId === null) throw new ForbiddenError();
    throw new NotFoundError();
  }
}

/** Every input matching the filters, oldest first, in batches (bounded memory), with what people's exports add. */
async function* sourceRows({
  actor,
  consultationId,
  filters,
  batch = 1000,
  withAttachments,
}: {
  actor: Actor;
  consultationId: string | null;
  filters: QueueFilters;
  batch?: number;
  withAttachments: boolean;
}): AsyncGenerator<SourceRow> {
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
      .select({ s: exportedColumns, orgName: organisations.name, orgType: organisations.type, orgCountry: organisations.country, orgVerifiedAt: organisations.verifiedAt, code: consultations.code, region: consultations.region, slug: consultations.slug })
      .from(submissions)
      .innerJoin(organisations, eq(organisations.id, submissions.organisationId))
      .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
      .where(and(...conds))
      .orderBy(asc(submissions.submittedAt), asc(submissions.id))
      .limit(batch);
    // The batch's attachments in one query (file name and size; the bytes stay where they are).
    const files = new Map<string, ExportAttachment[]>();
    if (withAttachments && rows.length) {
      const found = await db
        .select({ id: attachments.id, submissionId: attachments.submissionId, fileName: attachments.fileName, size: attachments.size })
        .from(attachments)
        .where(inArray(attachments.submissionId, rows.map((r) => r.s.id)))
        .orderBy(asc(attachments.createdAt), asc(attachments.id));
      for (const a of found) {
        const list = files.get(a.submissionId) ?? [];
        list.push({ id: a.id, fileName: a.fileName, size: a.size });
        files.set(a.submissionId, list);
      }
    }
    for (const r of rows) {
      const s = r.s;
      yield {
        id: s.id,
        slug: r.slug,
        attachments: files.get(s.id) ?? [],
        row: {
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
        },
      };
    }
    const last = rows.at(-1);
    if (!last || rows.length < batch || !last.s.submittedAt) return;
    after = { at: last.s.submittedAt, id: last.s.id };
  }
}

/** The attachments of the inputs matching the filters, in the inputs' order, in batches. */
async function* attachmentRows({ actor, consultationId, filters, batch = 1000 }: { actor: Actor; consultationId: string | null; filters: QueueFilters; batch?: number }) {
  const db = await getDb();
  const base = queueConditions(actor, consultationId, { ...filters, after: undefined, sort: "oldest" });
  let after: { at: Date; submissionId: string; id: string } | null = null;
  for (;;) {
    const conds = [...base];
    if (after) conds.push(sql`(${submissions.submittedAt}, ${submissions.id}, ${attachments.id}) > (${after.at.toISOString()}::timestamptz, ${after.submissionId}::uuid, ${after.id}::uuid)`);
    const rows = await db
      .select({ id: attachments.id, fileName: attachments.fileName, size: attachments.size, submissionId: submissions.id, at: submissions.submittedAt, reference: submissions.reference, title: submissions.title, slug: consultations.slug, region: consultations.region })
      .from(attachments)
      .innerJoin(submissions, eq(submissions.id, attachments.submissionId))
      .innerJoin(organisations, eq(organisations.id, submissions.organisationId))
      .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
      .where(and(...conds))
      .orderBy(asc(submissions.submittedAt), asc(submissions.id), asc(attachments.id))
      .limit(batch);
    for (const r of rows) yield { ...r, reference: r.reference ?? "" };
    const last = rows.at(-1);
    if (!last || rows.length < batch || !last.at) return;
    after = { at: last.at, submissionId: last.submissionId, id: last.id };
  }
}

/** Every input matching the filters as the JSON export's machine rows (schema: submissions.schema.json). */
export async function* exportRows(args: { actor: Actor; consultationId: string | null; filters: QueueFilters; batch?: number }): AsyncGenerator<ExportRow> {
  for await (const s of sourceRows({ ...args, withAttachments: false })) yield s.row;
}

/** Rows for people's exports (CSV, XLSX): with attachments. */
export const peopleRows = (args: { actor: Actor; consultationId: string | null; filters: QueueFilters; batch?: number }) => sourceRows({ ...args, withAttachments: true });

async function logExport(actor: Actor, consultationId: string | null, format: "csv" | "xlsx" | "json", kind: string, filters: QueueFilters, locale?: AppLocale) {
  const db = await getDb();
  const recorded: Record<string, unknown> = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined));
  if (locale && format !== "json") recorded.locale = locale;
  await db.insert(exportLog).values({ actorId: actor.userId, consultationId, format, kind, filters: recorded });
}

export type ExportFormat = "csv" | "xlsx" | "json";

/** Authorises, logs, and returns the export as a stream; CSV and XLSX in the words of `locale`. */
export async function exportSubmissions({
  actor,
  consultationId,
  filters,
  format,
  locale = "en",
  baseUrl = "",
}: {
  actor: Actor;
  consultationId: string | null;
  filters: QueueFilters;
  format: ExportFormat;
  locale?: AppLocale;
  /** Origin of the portal, for the attachments' links in XLSX. */
  baseUrl?: string;
}): Promise<ReadableStream<Uint8Array>> {
  assertMayExport(actor, consultationId);
  await logExport(actor, consultationId, format, "submissions", filters, locale);
  // objectMode false: the strings become bytes (a web byte stream of strings fails in Response).
  if (format === "json") return toWeb(Readable.from(jsonChunks(exportRows({ actor, consultationId, filters }), consultationId), { objectMode: false }));
  const labels = await loadExportLabels(locale);
  const rows = () => peopleRows({ actor, consultationId, filters });
  if (format === "csv") return toWeb(inputsCsv(rows(), labels));
  return toWeb(inputsXlsx({ actor, consultationId, filters, rows, labels, baseUrl }));
}

const toWeb = (s: Readable) => Readable.toWeb(s) as ReadableStream<Uint8Array>;

/** The inputs as CSV for people: the columns of columns.ts, in the words of `labels`. */
export function inputsCsv(rows: AsyncIterable<SourceRow>, labels: ExportLabels): Readable {
  return csvStream(
    inputColumns.map((c) => labels.column(c.key)),
    (async function* () {
      for await (const r of rows) yield inputColumns.map((c) => csvValue(c.value(r, labels)));
    })(),
  );
}

const csvValue = (v: Value) => (v instanceof Date ? csvDate(v) : v);

async function* jsonChunks(rows: AsyncIterable<ExportRow>, consultationId: string | null): AsyncGenerator<string> {
  yield `{"$schema":"https://gcm-consultations.example/schemas/submissions-export.json","version":1,"generatedAt":${JSON.stringify(new Date().toISOString())},"scope":${JSON.stringify(consultationId ?? "all")},"submissions":[`;
  let first = true;
  for await (const r of rows) {
    yield `${first ? "" : ","}\n${JSON.stringify(r)}`;
    first = false;
  }
  yield "\n]}\n";
}

/**
 * The inputs as a workbook for reading: sheets of inputs, recommendations (one row each), attachments
 * (file name, size, a link that opens for those allowed to download it) and participants, read from
 * the database once per sheet, in batches.
 */
export function inputsXlsx({
  actor,
  consultationId,
  filters,
  rows,
  labels,
  baseUrl,
}: {
  actor: Actor;
  consultationId: string | null;
  filters: QueueFilters;
  rows: () => AsyncIterable<SourceRow>;
  labels: ExportLabels;
  baseUrl: string;
}): Readable {
  const out = new PassThrough();
  const workbook = readableWorkbook(out);
  const rtl = labels.locale === "ar";
  const col = (key: Parameters<ExportLabels["column"]>[0], kind: XlsxKind, width: number) => ({ header: labels.column(key), kind, width });
  void (async () => {
    try {
      const inputs = readableSheet(workbook, out, labels.sheet("inputs"), inputColumns.map((c) => col(c.key, c.kind, c.width)), rtl);
      for await (const r of rows()) {
        inputs.add(inputColumns.map((c) => c.value(r, labels)));
        await inputs.pace();
      }
      inputs.commit();

      const recs = readableSheet(workbook, out, labels.sheet("recommendations"), [col("reference", "code", 13), col("region", "text", 18), col("number", "number", 6), col("recommendation", "long", 90)], rtl);
      for await (const r of rows()) {
        const region = labels.region(r.slug, r.row.region);
        r.row.recommendations.forEach((text, i) => recs.add([r.row.reference, region, i + 1, text]));
        await recs.pace();
      }
      recs.commit();

      const files = readableSheet(
        workbook,
        out,
        labels.sheet("attachments"),
        [col("reference", "code", 13), col("region", "text", 18), col("title", "long", 40), col("fileName", "long", 40), col("sizeKb", "number", 10), col("link", "link", 60)],
        rtl,
      );
      for await (const a of attachmentRows({ actor, consultationId, filters })) {
        const href = `${baseUrl}/api/attachments/${a.id}`;
        files.add([a.reference, labels.region(a.slug, a.region), a.title, a.fileName, kilobytes(a.size), { text: href, hyperlink: href }]);
        await files.pace();
      }
      files.commit();

      const regs = readableSheet(workbook, out, labels.sheet("participants"), [col("region", "text", 18), ...participantSheetColumns(labels)], rtl);
      const db = await getDb();
      const scope = consultationId
        ? await db.select({ id: consultations.id, slug: consultations.slug, region: consultations.region }).from(consultations).where(eq(consultations.id, consultationId))
        : await db.select({ id: consultations.id, slug: consultations.slug, region: consultations.region }).from(consultations).orderBy(asc(consultations.sortOrder), asc(consultations.code));
      for (const c of scope) {
        for await (const p of participantsForExport({ actor, consultationId: c.id })) {
          regs.add([labels.region(c.slug, c.region), ...participantValues(p, labels)]);
          await regs.pace();
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

