import "server-only";
// The inputs as a workbook for reading (sheets of submissions, recommendations,
// registrations and attachments): each sheet streamed from the database in batches, one
// after the other, so memory does not grow with the number of rows.
import { PassThrough, type Readable } from "node:stream";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { attachments, consultations, organisations, submissions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { queueConditions } from "@/lib/moderation/queue";
import type { QueueFilters } from "@/lib/moderation/schemas";
import { participantsForExport } from "@/lib/registrations";
import { inputColumns, kilobytes, type SourceRow } from "./columns";
import type { ExportLabels } from "./labels";
import { participantSheetColumns, participantValues } from "./participants";
import { readableSheet, readableWorkbook, type XlsxKind } from "./xlsx";

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
  let after: { at: Date; submissionId: string; id: string } | null = null;
  for (;;) {
    const conds = [...base];
    if (after)
      conds.push(
        sql`(${submissions.submittedAt}, ${submissions.id}, ${attachments.id}) > (${after.at.toISOString()}::timestamptz, ${after.submissionId}::uuid, ${after.id}::uuid)`,
      );
    const rows = await db
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
      .where(and(...conds))
      .orderBy(asc(submissions.submittedAt), asc(submissions.id), asc(attachments.id))
      .limit(batch);
    for (const r of rows) yield { ...r, reference: r.reference ?? "" };
    const last = rows.at(-1);
    if (!last || rows.length < batch || !last.at) return;
    after = { at: last.at, submissionId: last.submissionId, id: last.id };
  }
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
  const col = (key: Parameters<ExportLabels["column"]>[0], kind: XlsxKind, width: number) => ({
    header: labels.column(key),
    kind,
    width,
  });
  void (async () => {
    try {
      const inputs = readableSheet(
        workbook,
        out,
        labels.sheet("inputs"),
        inputColumns.map((c) => col(c.key, c.kind, c.width)),
        rtl,
      );
      for await (const r of rows()) {
        inputs.add(inputColumns.map((c) => c.value(r, labels)));
        await inputs.pace();
      }
      inputs.commit();

      const recs = readableSheet(
        workbook,
        out,
        labels.sheet("recommendations"),
        [
          col("reference", "code", 13),
          col("region", "text", 18),
          col("number", "number", 6),
          col("recommendation", "long", 90),
        ],
        rtl,
      );
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
        [
          col("reference", "code", 13),
          col("region", "text", 18),
          col("title", "long", 40),
          col("fileName", "long", 40),
          col("sizeKb", "number", 10),
          col("link", "link", 60),
        ],
        rtl,
      );
      for await (const a of attachmentRows({ actor, consultationId, filters })) {
        const href = `${baseUrl}/api/attachments/${a.id}`;
        files.add([
          a.reference,
          labels.region(a.slug, a.region),
          a.title,
          a.fileName,
          kilobytes(a.size),
          { text: href, hyperlink: href },
        ]);
        await files.pace();
      }
      files.commit();

      const regs = readableSheet(
        workbook,
        out,
        labels.sheet("participants"),
        [col("region", "text", 18), ...participantSheetColumns(labels)],
        rtl,
      );
      const db = await getDb();
      const scope = consultationId
        ? await db
            .select({ id: consultations.id, slug: consultations.slug, region: consultations.region })
            .from(consultations)
            .where(eq(consultations.id, consultationId))
        : await db
            .select({ id: consultations.id, slug: consultations.slug, region: consultations.region })
            .from(consultations)
            .orderBy(asc(consultations.sortOrder), asc(consultations.code));
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
