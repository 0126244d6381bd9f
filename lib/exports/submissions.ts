import "server-only";
// Exports of inputs: CSV (UTF-8 with BOM, RFC 4180), XLSX (inputs-xlsx.ts: sheets of
// inputs, recommendations, attachments, participants) and JSON (schema in
// lib/exports/submissions.schema.json); CSV and XLSX in words of the export's language. Rows are
// read in keyset batches and written as they come, so memory does not grow with the number of rows;
// they honour the dashboard's filters; every export is logged.
import { Readable } from "node:stream";
import { and, asc, count, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  attachments,
  consultations,
  exportLog,
  organisations,
  submissions,
  themeTranslations,
  users,
} from "@/db/schema";
import { logExport } from "@/lib/audit";
import { canModerate, type Actor } from "@/lib/auth/actor";
import { keysetBatches } from "@/lib/cursor";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { queueConditions } from "@/lib/moderation/queue";
import type { QueueFilters } from "@/lib/moderation/schemas";
import type { AppLocale } from "@/lib/i18n/config";
import { csvDate, inputColumns, type SourceRow, type Value } from "./columns";
import { csvStream } from "./csv";
import { inputsXlsx } from "./inputs-xlsx";
import { loadExportLabels, type ExportLabels } from "./labels";

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
  const names = new Map(
    (await db.select().from(themeTranslations).where(eq(themeTranslations.locale, "en"))).map((t) => [
      t.themeId,
      t.name,
    ]),
  );
  const base = queueConditions(actor, consultationId, { ...filters, after: undefined, sort: "oldest" });
  const rows = keysetBatches(
    batch,
    (after: { at: Date; id: string } | null) =>
      db
        .select({
          s: exportedColumns,
          orgName: organisations.name,
          orgType: organisations.type,
          orgCountry: organisations.country,
          orgVerifiedAt: organisations.verifiedAt,
          code: consultations.code,
          region: consultations.region,
          slug: consultations.slug,
          // The input's attachments (name and size; the bytes stay where they are), read with the row:
          // null for the many inputs without any, so they cost an index probe in PostgreSQL and nothing here.
          files: withAttachments
            ? sql<
                [string, string, number][] | null
              >`(select json_agg(json_build_array(${attachments.id}, ${attachments.fileName}, ${attachments.size}) order by ${attachments.createdAt}, ${attachments.id}) from ${attachments} where ${attachments.submissionId} = ${submissions.id})`
            : sql<null>`null`,
        })
        .from(submissions)
        .innerJoin(organisations, eq(organisations.id, submissions.organisationId))
        .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
        .where(
          and(
            ...base,
            // Row-value keyset: each batch starts at the cursor in the index instead of re-reading the rows before it.
            after
              ? sql`(${submissions.submittedAt}, ${submissions.id}) > (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)`
              : undefined,
          ),
        )
        .orderBy(asc(submissions.submittedAt), asc(submissions.id))
        .limit(batch),
    (last) => (last.s.submittedAt ? { at: last.s.submittedAt, id: last.s.id } : null),
  );
  for await (const r of rows) {
    const s = r.s;
    yield {
      id: s.id,
      slug: r.slug,
      attachments: r.files ? r.files.map(([id, fileName, size]) => ({ id, fileName, size })) : [],
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
}

/** Every input matching the filters as the JSON export's machine rows (schema: submissions.schema.json). */
export async function* exportRows(args: {
  actor: Actor;
  consultationId: string | null;
  filters: QueueFilters;
  batch?: number;
}): AsyncGenerator<ExportRow> {
  for await (const s of sourceRows({ ...args, withAttachments: false })) yield s.row;
}

/** Rows for people's exports (CSV, XLSX): with attachments. */
export const peopleRows = (args: {
  actor: Actor;
  consultationId: string | null;
  filters: QueueFilters;
  batch?: number;
}) => sourceRows({ ...args, withAttachments: true });

async function logQueueExport(
  actor: Actor,
  consultationId: string | null,
  format: "csv" | "xlsx" | "json",
  kind: string,
  filters: QueueFilters,
  locale?: AppLocale,
) {
  const recorded: Record<string, unknown> = Object.fromEntries(
    Object.entries(filters).filter(([, v]) => v !== undefined),
  );
  if (locale && format !== "json") recorded.locale = locale;
  await logExport(actor.userId, { consultationId, format, kind, filters: recorded });
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
  await logQueueExport(actor, consultationId, format, "submissions", filters, locale);
  // objectMode false: the strings become bytes (a web byte stream of strings fails in Response).
  if (format === "json")
    return toWeb(
      Readable.from(jsonChunks(exportRows({ actor, consultationId, filters }), consultationId), { objectMode: false }),
    );
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

export const EXPORT_LOG_PAGE_SIZE = 100;

/** The export log, for the secretariat, newest first, a page at a time. */
export async function listExportLog({
  actor,
  page = 1,
  pageSize = EXPORT_LOG_PAGE_SIZE,
}: {
  actor: Actor;
  page?: number;
  pageSize?: number;
}) {
  if (!actor.secretariat) throw new ForbiddenError();
  const db = await getDb();
  return db
    .select({
      id: exportLog.id,
      format: exportLog.format,
      kind: exportLog.kind,
      filters: exportLog.filters,
      createdAt: exportLog.createdAt,
      consultation: consultations.code,
      actorEmail: users.email,
    })
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
