// Form posts (multipart/form-data) are read here, by scripts/server.mjs, before Next.js sees them, and
// passed on within Next.js's body limits (next.config.js: serverActions.bodySizeLimit and
// experimental.proxyClientMaxBodySize). Beyond those limits Next.js truncates the body or throws, and
// the person gets a 500 and loses what they typed. Instead, every text field is passed on, and a file
// the form cannot take is passed on EMPTY, its content type naming the reason:
//   application/x-portal-too-large  larger than MAX_FILE_BYTES
//   application/x-portal-too-many   beyond the first MAX_FILES non-empty files
//   application/x-portal-bad-name   control characters in its file name (replaced by "?")
// lib/submissions/files.ts turns these into field errors naming the file and the limit. The content
// is streamed: memory holds at most one file's allowed size at a time, whatever the body's size.
// Malformed bodies answer 400 (null here) rather than reaching the framework's parser, which answers
// them with a 500: broken multipart, and server-action arguments that are not JSON (see server.mjs).

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FILES = 3;
/** Text kept per field and in total: far above what any form accepts, so the form still says "too long". */
export const MAX_TEXT_FIELD_BYTES = 1024 * 1024;
export const MAX_TEXT_TOTAL_BYTES = 4 * 1024 * 1024;
/** Everything passed on stays under this: keep next.config.js's two limits above it. */
export const MAX_FORWARDED_BYTES = MAX_FILES * MAX_FILE_BYTES + MAX_TEXT_TOTAL_BYTES + 64 * 1024;
const MAX_HEADER_BYTES = 16 * 1024;
const MAX_PARTS = 1000;

export const MARKER = {
  tooLarge: "application/x-portal-too-large",
  tooMany: "application/x-portal-too-many",
  badName: "application/x-portal-bad-name",
};

const CRLF = Buffer.from("\r\n");
const HEADER_END = Buffer.from("\r\n\r\n");

const CONTROL = /[\u0000-\u001f\u007f]/;

const CONTROL_ALL = /[\u0000-\u001f\u007f]/g;

export function boundaryOf(contentType) {
  const m = /^multipart\/form-data\s*;(?:.*;)?\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType ?? "");
  return m ? (m[1] ?? m[2]) : null;
}

/** The part's header lines (latin1, as sent), whether it is a file, and its file name. */
function parsePartHeaders(raw) {
  const lines = raw.toString("latin1").split("\r\n");
  const disposition = lines.find((l) => /^content-disposition\s*:/i.test(l));
  if (!disposition) return null;
  // filename="…" (quoted, may hold ;) or filename=token; filename*= is RFC 5987.
  const m = /;\s*filename\*?\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/i.exec(disposition);
  const n = /;\s*name\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/i.exec(disposition);
  return {
    lines,
    isFile: !!m,
    filename: m ? m[1].replace(/^"|"$/g, "") : "",
    name: n ? n[1].replace(/^"|"$/g, "") : "",
  };
}

function withType(lines, type) {
  return [...lines.filter((l) => !/^content-type\s*:/i.test(l)), `Content-Type: ${type}`];
}

/**
 * Reads a multipart body from `source` (an async iterable of Buffers) and returns the body to pass on,
 * or null when it is not a well-formed multipart body.
 */
export async function limitMultipart(source, boundary, limits = {}) {
  const maxFile = limits.maxFileBytes ?? MAX_FILE_BYTES;
  const maxFiles = limits.maxFiles ?? MAX_FILES;
  // Fields React decodes as JSON (a server action's arguments): malformed ones make the body malformed.
  const jsonField = limits.jsonField ?? (() => false);
  const required = new Set(limits.requiredFields ?? []);
  const arrays = new Set(limits.arrayFields ?? []);
  let malformed = false;
  const first = Buffer.from(`--${boundary}`);
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const out = [];
  let textTotal = 0;
  let filesKept = 0;
  let parts = 0;
  let state = "preamble";
  let buf = Buffer.alloc(0);
  let part = null;

  const emit = (lines, content) => {
    out.push(Buffer.from(`--${boundary}\r\n${lines.join("\r\n")}\r\n\r\n`, "latin1"));
    if (content) out.push(...content);
    out.push(CRLF);
  };
  const feed = (bytes) => {
    if (bytes.length === 0) return;
    part.size += bytes.length;
    const cap = part.isFile ? maxFile : MAX_TEXT_FIELD_BYTES;
    if (part.over) return;
    if (part.size > cap) {
      part.over = true;
      if (part.isFile) {
        part.chunks = [];
        return;
      }
      const room = cap - (part.size - bytes.length);
      if (room > 0) part.chunks.push(bytes.subarray(0, room));
      return;
    }
    part.chunks.push(bytes);
  };
  const finish = () => {
    required.delete(part.name);
    if (!part.isFile && jsonField(part.name)) {
      try {
        const value = JSON.parse(Buffer.concat(part.chunks).toString("utf8"));
        if (arrays.has(part.name) && !Array.isArray(value)) malformed = true;
      } catch {
        malformed = true;
      }
    }
    if (!part.isFile) {
      const kept = part.chunks.reduce((n, c) => n + c.length, 0);
      if (textTotal + kept > MAX_TEXT_TOTAL_BYTES) return;
      textTotal += kept;
      emit(part.lines, part.chunks);
      return;
    }
    if (CONTROL.test(part.filename)) {
      const lines = part.lines.map((l) => (/^content-disposition\s*:/i.test(l) ? l.replace(CONTROL_ALL, "?") : l));
      emit(withType(lines, MARKER.badName), null);
    } else if (part.size === 0) {
      emit(part.lines, null);
    } else if (part.over) {
      emit(withType(part.lines, MARKER.tooLarge), null);
    } else if (filesKept >= maxFiles) {
      emit(withType(part.lines, MARKER.tooMany), null);
    } else {
      filesKept++;
      emit(part.lines, part.chunks);
    }
  };

  // Returns false on a malformed body. The source is always read to its end (stopping early would
  // destroy the request's socket, and the answer with it).
  const step = () => {
    for (;;) {
      if (state === "preamble") {
        const i = buf.indexOf(first);
        if (i < 0) return buf.length <= MAX_HEADER_BYTES;
        buf = buf.subarray(i + first.length);
        state = "boundary";
      }
      if (state === "boundary") {
        if (buf.length < 2) return true;
        if (buf[0] === 0x2d && buf[1] === 0x2d) {
          state = "end";
          return true;
        }
        // Transport padding (spaces, tabs) may follow a delimiter.
        const eol = buf.indexOf(CRLF);
        if (eol < 0) return buf.length <= 256;
        if (!/^[ \t]*$/.test(buf.subarray(0, eol).toString("latin1"))) return false;
        buf = buf.subarray(eol + 2);
        state = "headers";
      }
      if (state === "headers") {
        const i = buf.indexOf(HEADER_END);
        if (i < 0) return buf.length <= MAX_HEADER_BYTES;
        const headers = parsePartHeaders(buf.subarray(0, i));
        if (!headers || ++parts > MAX_PARTS) return false;
        part = { ...headers, size: 0, over: false, chunks: [] };
        buf = buf.subarray(i + HEADER_END.length);
        state = "body";
      }
      if (state === "body") {
        const i = buf.indexOf(delimiter);
        if (i < 0) {
          // Keep a tail that could be the start of the delimiter.
          const safe = buf.length - (delimiter.length - 1);
          if (safe > 0) {
            feed(buf.subarray(0, safe));
            buf = buf.subarray(safe);
          }
          return true;
        }
        feed(buf.subarray(0, i));
        finish();
        part = null;
        buf = buf.subarray(i + delimiter.length);
        state = "boundary";
        continue;
      }
      return true;
    }
  };

  let bad = false;
  for await (const chunk of source) {
    if (bad || state === "end") continue;
    buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
    if (!step()) bad = true;
  }
  if (bad || malformed || required.size > 0) return null;
  if (state !== "end") return null;
  out.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(out);
}
