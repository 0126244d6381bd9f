// The attachment limits, in a module the browser may import (inspect.ts needs node:zlib). The server
// in front of Next.js applies the same ones (scripts/multipart-limit.mjs; a test keeps them equal).
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 3;
/** What the file chooser offers and the browser checks by name; the server decides by content. */
export const ATTACHMENT_EXTENSIONS = [".pdf", ".docx", ".odt"] as const;
