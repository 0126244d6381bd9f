import "server-only";
// The secretariat's global export: one ZIP with, per region, the summary (DOCX) in the
// chosen language, the inputs as XLSX and CSV and the participants (the secretariat may see them); and the inputs of all regions together, as one workbook and one CSV with a region
// column. Entries are produced one after the other as the archive is read (yazl pulls them lazily),
// so memory holds one summary at a time and the spreadsheets stream from the database in batches.
import { PassThrough, Readable } from "node:stream";
import { asc, eq } from "drizzle-orm";
import { ZipFile } from "yazl";
import { getDb } from "@/db/client";
import { consultations, rounds, type Locale } from "@/db/schema";
import { logExport } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { QueueFilters } from "@/lib/moderation/schemas";
import { participantsForExport } from "@/lib/registrations";
import { loadExportLabels } from "./labels";
import { participantsCsv, participantsXlsx } from "./participants";
import { inputsXlsx } from "./inputs-xlsx";
import { inputsCsv, peopleRows } from "./submissions";
import { renderRegionalSummary } from "./summary";

const everything: QueueFilters = { sort: "oldest" };

/** Every region's summary, inputs and participants, and all inputs together: the secretariat only; logged. */
export async function buildAllRegionsZip({
  actor,
  locale,
  baseUrl = "",
  round,
}: {
  actor: Actor;
  locale: Locale;
  baseUrl?: string;
  round?: string;
}): Promise<Readable> {
  if (!actor.secretariat) throw new ForbiddenError();
  const db = await getDb();
  // One round's consultations (by the round's slug); every consultation without one.
  const all = await db
    .select({ id: consultations.id, code: consultations.code, slug: consultations.slug })
    .from(consultations)
    .innerJoin(rounds, eq(rounds.id, consultations.roundId))
    .where(round ? eq(rounds.slug, round) : undefined)
    .orderBy(asc(consultations.sortOrder), asc(consultations.code));
  if (round && all.length === 0) throw new NotFoundError();
  await logExport(actor.userId, {
    consultationId: null,
    format: "zip",
    kind: "all-regions",
    filters: round ? { locale, round } : { locale },
  });
  const labels = await loadExportLabels(locale);
  const inputs = labels.file("inputs");
  const people = labels.file("participants");

  const zip = new ZipFile();
  const out = new PassThrough();
  const fail = (e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e)));
  zip.on("error", fail);
  const now = new Date();
  // yazl asks for each entry's stream only when it reaches it, and does not watch the stream for errors.
  const entry = (name: string, compress: boolean, open: () => Readable | Promise<Readable>) =>
    zip.addReadStreamLazy(name, { compress, mtime: now }, (cb) => {
      Promise.resolve()
        .then(open)
        .then((stream) => {
          stream.on("error", fail);
          cb(null, stream);
        }, fail);
    });
  // All regions together: the round's only, when one is named.
  const filters: QueueFilters = round ? { ...everything, round } : everything;
  const rowsOf = (consultationId: string | null) => () => peopleRows({ actor, consultationId, filters });
  for (const c of all) {
    const dir = c.slug.replace(/[^a-z0-9-]/g, "");
    // DOCX and XLSX are already compressed: stored as they are.
    entry(`${dir}/${labels.file("summary")}-${locale}.docx`, false, async () =>
      Readable.from([await renderRegionalSummary({ actor, consultationId: c.id, locale, now, baseUrl })]),
    );
    entry(`${dir}/${inputs}.xlsx`, false, () =>
      inputsXlsx({ actor, consultationId: c.id, filters: everything, rows: rowsOf(c.id), labels, baseUrl }),
    );
    entry(`${dir}/${inputs}.csv`, true, () => inputsCsv(rowsOf(c.id)(), labels));
    entry(`${dir}/${people}.xlsx`, false, () =>
      participantsXlsx(participantsForExport({ actor, consultationId: c.id }), labels),
    );
    entry(`${dir}/${people}.csv`, true, () =>
      participantsCsv(participantsForExport({ actor, consultationId: c.id }), labels),
    );
  }
  const allName = labels.file("allRegions");
  entry(`${allName}-${inputs}.xlsx`, false, () =>
    inputsXlsx({ actor, consultationId: null, filters, rows: rowsOf(null), labels, baseUrl }),
  );
  entry(`${allName}-${inputs}.csv`, true, () => inputsCsv(rowsOf(null)(), labels));
  zip.end();
  zip.outputStream.pipe(out);
  return out;
}
