import "server-only";
// The inputs as a workbook for reading (sheets of submissions, recommendations,
// registrations and attachments): each sheet streamed from the database in batches, one
// after the other, so memory does not grow with the number of rows.
import type { Readable } from "node:stream";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { attachments, consultations, organisations, submissions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { keysetBatches } from "@/lib/cursor";
import { queueConditions } from "@/lib/moderation/queue";
import type { QueueFilters } from "@/lib/moderation/schemas";
import { participantsForExport } from "@/lib/registrations";
import { inputColumns, kilobytes, type SourceRow } from "./columns";
import type { ExportLabels } from "./labels";
import { participantSheetColumns, participantValues } from "./participants";
import { streamedWorkbook, type XlsxKind } from "./xlsx";

/** The attachments of the inputs matching the filters, in the inputs' order, in batches. */
async function* attachmentRows({
  actor,
  consultationId,
  filters,
  batch = 1000,
}: {
  actor: Actor;
  consultationId: string | null;
  filters: QueueFilters;
  batch?: number;
}) {
  const db = await getDb();
  const base = queueConditions(actor, consultationId, { ...filters, after: undefined, sort: "oldest" });
  const rows = keysetBatches(
    batch,
    (after: { at: Date; submissionId: string; id: string } | null) =>
      db
        .select({
          id: attachments.id,
          fileName: attachments.fileName,
          size: attachments.size,
          submissionId: submissions.id,
          at: submissions.submittedAt,
          reference: submissions.reference,
          title: submissions.title,
          slug: consultations.slug,
          region: consultations.region,
        })
        .from(attachments)
        .innerJoin(submissions, eq(submissions.id, attachments.submissionId))
        .innerJoin(organisations, eq(organisations.id, submissions.organisationId))
        .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
        .where(
          and(
            ...base,
            after
              ? sql`(${submissions.submittedAt}, ${submissions.id}, ${attachments.id}) > (${after.at.toISOString()}::timestamptz, ${after.submissionId}::uuid, ${after.id}::uuid)`
              : undefined,
          ),
        )
        .orderBy(asc(submissions.submittedAt), asc(submissions.id), asc(attachments.id))
        .limit(batch),
    (last) => (last.at ? { at: last.at, submissionId: last.submissionId, id: last.id } : null),
  );
  for await (const r of rows) yield { ...r, reference: r.reference ?? "" };
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
  const col = (key: Parameters<ExportLabels["column"]>[0], kind: XlsxKind, width: number) => ({
    header: labels.column(key),
    kind,
    width,
  });
  // The sheets of an input's parts start with the input's reference and region.
  const ofInput = [col("reference", "code", 13), col("region", "text", 18)];
  return streamedWorkbook(labels.locale === "ar", async (addSheet) => {
    await addSheet(
      labels.sheet("inputs"),
      inputColumns.map((c) => col(c.key, c.kind, c.width)),
      rows(),
      (r) => [inputColumns.map((c) => c.value(r, labels))],
    );
    await addSheet(
      labels.sheet("recommendations"),
      [...ofInput, col("number", "number", 6), col("recommendation", "long", 90)],
      rows(),
      (r) => {
        const region = labels.region(r.slug, r.row.region);
        return r.row.recommendations.map((text, i) => [r.row.reference, region, i + 1, text]);
      },
    );
    await addSheet(
      labels.sheet("attachments"),
      [
        ...ofInput,
        col("title", "long", 40),
        col("fileName", "long", 40),
        col("sizeKb", "number", 10),
        col("link", "link", 60),
      ],
      attachmentRows({ actor, consultationId, filters }),
      (a) => {
        const href = `${baseUrl}/api/attachments/${a.id}`;
        return [
          [
            a.reference,
            labels.region(a.slug, a.region),
            a.title,
            a.fileName,
            kilobytes(a.size),
            { text: href, hyperlink: href },
          ],
        ];
      },
    );
    await addSheet(
      labels.sheet("participants"),
      [col("region", "text", 18), ...participantSheetColumns(labels)],
      participantsByConsultation(actor, consultationId),
      ({ c, p }) => [[labels.region(c.slug, c.region), ...participantValues(p, labels)]],
    );
  });
}

/** The participants of one consultation, or of every consultation in their order, with their consultation. */
async function* participantsByConsultation(actor: Actor, consultationId: string | null) {
  const db = await getDb();
  const scope = await db
    .select({ id: consultations.id, slug: consultations.slug, region: consultations.region })
    .from(consultations)
    .where(consultationId ? eq(consultations.id, consultationId) : undefined)
    .orderBy(asc(consultations.sortOrder), asc(consultations.code));
  for (const c of scope) {
    for await (const p of participantsForExport({ actor, consultationId: c.id })) yield { c, p };
  }
}
