import "server-only";
// An uploaded file as a download, for the organisation's and the public route alike: always an
// attachment with a safe name (RFC 6266), never rendered inline, sandboxed if a browser tries.
import { NextResponse } from "next/server";
import { contentDisposition } from "@/lib/attachments/inspect";

export function attachmentResponse(
  attachment: { fileName: string; mediaType: string },
  bytes: Uint8Array,
  cacheControl: string,
): NextResponse {
  return new NextResponse(Buffer.from(bytes), {
    headers: {
      "Cache-Control": cacheControl,
      "Content-Type": attachment.mediaType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": contentDisposition(attachment.fileName),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
