import "server-only";
import { displayFileName, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from "@/lib/attachments/inspect";
import { DomainError } from "@/lib/errors";
import type { UploadedFile } from "./index";

/** The files of a form post, size-checked before any is read into memory. */
export async function uploadedFiles(fd: FormData, field = "attachments"): Promise<UploadedFile[]> {
  const files = fd.getAll(field).filter((f): f is File => typeof f !== "string" && f.size > 0);
  if (files.length > MAX_ATTACHMENTS) throw new DomainError("tooManyAttachments", 400, { max: MAX_ATTACHMENTS });
  for (const f of files) {
    if (f.size > MAX_ATTACHMENT_BYTES) throw new DomainError("attachment_tooLarge", 400, { name: displayFileName(f.name), max: MAX_ATTACHMENT_BYTES / 1024 / 1024 });
  }
  return Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}
