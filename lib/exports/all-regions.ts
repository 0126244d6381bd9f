import "server-only";
// The secretariat's global export (SPEC §F): one ZIP with every region's summary (DOCX) and inputs
// (CSV), and the combined dataset across all seven consultations. Entries are produced one after
// the other as the archive is read (yazl pulls them lazily), so memory holds one summary at a time
// and the CSVs stream from the database in batches.
import { PassThrough, Readable } from "node:stream";
import { asc } from "drizzle-orm";
import { ZipFile } from "yazl";
import { getDb } from "@/db/client";
import { consultations, exportLog, type Locale } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError } from "@/lib/errors";
import type { QueueFilters } from "@/lib/moderation/schemas";
import { csvStream, exportRows } from "./submissions";
import { renderRegionalSummary } from "./summary";

const everything: QueueFilters = { sort: "oldest" };

const csvEntry = (actor: Actor, consultationId: string | null): Readable => csvStream(exportRows({ actor, consultationId, filters: everything }));

/** Every region's summary and inputs, and all inputs together: the secretariat only; logged. */
export async function buildAllRegionsZip({ actor, locale }: { actor: Actor; locale: Locale }): Promise<Readable> {
  if (!actor.secretariat) throw new ForbiddenError();
  const db = await getDb();
  const all = await db.select({ id: consultations.id, code: consultations.code }).from(consultations).orderBy(asc(consultations.sortOrder), asc(consultations.code));
  await db.insert(exportLog).values({ actorId: actor.userId, consultationId: null, format: "zip", kind: "all-regions", filters: { locale } });

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
  for (const c of all) {
    // A DOCX is already compressed: stored as it is.
    entry(`${c.code}-summary.docx`, false, async () => Readable.from([await renderRegionalSummary({ actor, consultationId: c.id, locale, now })]));
    entry(`${c.code}-inputs.csv`, true, () => csvEntry(actor, c.id));
  }
  entry("all-inputs.csv", true, () => csvEntry(actor, null));
  zip.end();
  zip.outputStream.pipe(out);
  return out;
}
