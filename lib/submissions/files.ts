import "server-only";
import { displayFileName, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from "@/lib/attachments/inspect";
import { DomainError } from "@/lib/errors";
import { MARKER } from "@/scripts/multipart-limit.mjs";
import type { UploadedFile } from "./index";

const CONTROL = /[\u0000-\u001f\u007f]/;
const MAX_MB = MAX_ATTACHMENT_BYTES / 1024 / 1024;

/**
 * Field errors for the files of any form post that the server in front of Next.js marked (too large,
 * too many, a name with control characters), without reading them: the action pipeline reports them
 * together with the form's other errors, so one answer names every problem.
 */
export function markedFileErrors(
  fd: FormData,
  t: (code: string, values: Record<string, string | number>) => string,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const add = (field: string, message: string) => {
    const list = (out[field] ??= []);
    if (!list.includes(message)) list.push(message);
  };
  for (const [field, f] of fd.entries()) {
    if (typeof f === "string") continue;
    if (f.type === MARKER.badName || CONTROL.test(f.name))
      add(field, t("attachment_badName", { name: displayFileName(f.name.replace(/[\u0000-\u001f\u007f]/g, "?")) }));
    else if (f.type === MARKER.tooLarge || f.size > MAX_ATTACHMENT_BYTES)
      add(field, t("attachment_tooLarge", { name: displayFileName(f.name), max: MAX_MB }));
    else if (f.type === MARKER.tooMany) add(field, t("tooManyAttachments", { max: MAX_ATTACHMENTS }));
  }
  return out;
}

/**
 * The files of a form post, checked before any is read into memory; each refusal is a field error
 * beside the file field, naming the file. Files the server could not take whole arrive empty, marked
 * by scripts/server.mjs (scripts/multipart-limit.mjs), and are refused here by that mark.
 */
export async function uploadedFiles(fd: FormData, field = "attachments"): Promise<UploadedFile[]> {
  const all = fd.getAll(field).filter((f): f is File => typeof f !== "string");
  const refuse = (code: string, values: Record<string, string | number>) => new DomainError(code, 400, values, field);
  for (const f of all) {
    if (f.type === MARKER.badName || CONTROL.test(f.name))
      throw refuse("attachment_badName", { name: displayFileName(f.name.replace(/[\u0000-\u001f\u007f]/g, "?")) });
    if (f.type === MARKER.tooLarge || f.size > MAX_ATTACHMENT_BYTES)
      throw refuse("attachment_tooLarge", { name: displayFileName(f.name), max: MAX_MB });
  }
  const files = all.filter((f) => f.size > 0 || f.type === MARKER.tooMany);
  if (files.length > MAX_ATTACHMENTS) throw refuse("tooManyAttachments", { max: MAX_ATTACHMENTS });
  return Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}
