// What an uploaded attachment really is, decided from its bytes alone (never its name or declared
// type), and how it is named on download. Pure: no database. A ZIP is judged from its headers first;
// only then is each entry of a DOCX/ODT inflated, with output capped at the size its header declares,
// so an entry that lies about its size (a bomb claiming 1 KB) is refused after at most that much.
import { inflateRawSync } from "node:zlib";
import { MAX_ATTACHMENT_BYTES } from "./limits";

export { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from "./limits";

// Limits for DOCX/ODT archives, checked on declared sizes before anything could be decompressed.
const MAX_ZIP_ENTRIES = 2000;
const MAX_ZIP_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;
const MAX_ZIP_RATIO = 200;

export type DocumentKind = "pdf" | "docx" | "odt";

export interface DocumentType {
  kind: DocumentKind;
  mediaType: string;
  /** Without the dot: "pdf", "docx", "odt". */
  extension: string;
}

export type InspectResult =
  ({ ok: true } & DocumentType) | { ok: false; reason: "tooLarge" | "empty" | "unsupportedType" | "unsafeArchive" };

const TYPES: Record<DocumentKind, DocumentType> = {
  pdf: { kind: "pdf", mediaType: "application/pdf", extension: "pdf" },
  docx: {
    kind: "docx",
    mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extension: "docx",
  },
  odt: { kind: "odt", mediaType: "application/vnd.oasis.opendocument.text", extension: "odt" },
};

const ODT_MIMETYPE = TYPES.odt.mediaType;

/** Checks an upload: size, then type by content, then (for ZIP-based documents) archive safety. */
export function inspectDocument(bytes: Uint8Array): InspectResult {
  if (bytes.byteLength === 0) return { ok: false, reason: "empty" };
  if (bytes.byteLength > MAX_ATTACHMENT_BYTES) return { ok: false, reason: "tooLarge" };
  const found = classify(bytes);
  if (found === "unsafe") return { ok: false, reason: "unsafeArchive" };
  if (!found) return { ok: false, reason: "unsupportedType" };
  return { ok: true, ...TYPES[found] };
}

/** The document type of `bytes` by content, or null (unsafe archives included). Sizes are not checked. */
export function detectDocumentType(bytes: Uint8Array): DocumentType | null {
  const found = classify(bytes);
  return found && found !== "unsafe" ? TYPES[found] : null;
}

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const PDF_MAGIC = ascii("%PDF-");
const ZIP_MAGIC = ascii("PK\x03\x04");

const startsWith = (bytes: Uint8Array, prefix: Uint8Array, at = 0) =>
  bytes.byteLength >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);

function classify(bytes: Uint8Array): DocumentKind | "unsafe" | null {
  if (startsWith(bytes, PDF_MAGIC)) return "pdf";
  if (startsWith(bytes, ZIP_MAGIC)) return classifyZip(bytes);
  return null;
}

// ---------------------------------------------------------------- ZIP (APPNOTE.TXT), headers only
const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const EOCD_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
const ZIP64_EXTRA = 0x0001;

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

const names = new TextDecoder("utf-8");

function classifyZip(bytes: Uint8Array): DocumentKind | "unsafe" | null {
  const entries = readCentralDirectory(bytes);
  if (entries === "unsafe") return "unsafe";
  if (!entries) return null;
  const byName = new Map(entries.map((e) => [e.name.toLowerCase(), e]));
  let kind: DocumentKind | null = null;
  if (isOdt(bytes, byName.get("mimetype"))) kind = "odt";
  // A macro-enabled document (.docm) renamed .docx is not a DOCX.
  else if (entries.some((e) => e.name.toLowerCase().endsWith("vbaproject.bin"))) return null;
  else if (byName.has("[content_types].xml") && byName.has("word/document.xml")) kind = "docx";
  if (!kind) return null;
  // Whoever opens the download inflates it: every entry must hold exactly what its header declares.
  return entries.every((e) => holdsWhatItDeclares(bytes, e)) ? kind : "unsafe";
}

/**
 * Stored: as many bytes as declared. Deflated: inflates to exactly the declared size, output capped
 * there (zlib stops and throws past it), so memory is bounded by the declared sizes the header checks
 * above already limited. Other methods (bzip2, LZMA …) are not used by word processors: refused.
 */
function holdsWhatItDeclares(bytes: Uint8Array, e: Entry): boolean {
  const view = dataView(bytes);
  const start =
    e.localOffset + LOCAL_SIZE + view.getUint16(e.localOffset + 26, true) + view.getUint16(e.localOffset + 28, true);
  if (start + e.compressedSize > bytes.byteLength) return false;
  if (e.method === 0) return e.compressedSize === e.uncompressedSize;
  if (e.method !== 8) return false;
  try {
    const out = inflateRawSync(bytes.subarray(start, start + e.compressedSize), {
      maxOutputLength: Math.max(1, e.uncompressedSize),
    });
    return out.byteLength === e.uncompressedSize;
  } catch {
    return false; // corrupt, truncated, or more than declared
  }
}

/** ODF: the first entry is "mimetype", stored, holding exactly the media type. */
function isOdt(bytes: Uint8Array, entry: Entry | undefined): boolean {
  if (!entry || entry.localOffset !== 0 || entry.method !== 0) return false;
  if (entry.compressedSize !== ODT_MIMETYPE.length || entry.uncompressedSize !== ODT_MIMETYPE.length) return false;
  const view = dataView(bytes);
  if (view.getUint16(8, true) !== 0) return false; // local header: stored too
  const start = LOCAL_SIZE + view.getUint16(26, true) + view.getUint16(28, true);
  return startsWith(bytes, ascii(ODT_MIMETYPE), start);
}

const dataView = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * The central directory's entries, "unsafe" for a hostile or ambiguous archive (bomb-like sizes or
 * ratios, overlapping entries, ZIP64, multi-disk, encrypted or traversing names), null when the
 * bytes are not a well-formed ZIP at all.
 */
function readCentralDirectory(bytes: Uint8Array): Entry[] | "unsafe" | null {
  const view = dataView(bytes);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) return null;
  if (eocd >= 20 && view.getUint32(eocd - 20, true) === SIG_ZIP64_LOCATOR) return "unsafe";

  const disk = view.getUint16(eocd + 4, true);
  const cdDisk = view.getUint16(eocd + 6, true);
  const onDisk = view.getUint16(eocd + 8, true);
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) return "unsafe"; // ZIP64
  if (disk !== 0 || cdDisk !== 0 || onDisk !== count) return "unsafe";
  if (count > MAX_ZIP_ENTRIES) return "unsafe";
  if (cdOffset + cdSize > eocd) return null;

  const entries: Entry[] = [];
  const seen = new Set<string>();
  let total = 0;
  let claimed = 0; // bytes before the central directory claimed by entries: more than exist means overlap
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + CENTRAL_SIZE > cdOffset + cdSize || view.getUint32(at, true) !== SIG_CENTRAL) return null;
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    const next = at + CENTRAL_SIZE + nameLength + extraLength + commentLength;
    if (next > cdOffset + cdSize) return null;

    const rawName = bytes.subarray(at + CENTRAL_SIZE, at + CENTRAL_SIZE + nameLength);
    const name = names.decode(rawName);
    if (rawName.includes(0) || !isSafeEntryName(name)) return "unsafe";
    if (seen.has(name.toLowerCase())) return "unsafe";
    seen.add(name.toLowerCase());

    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff) return "unsafe";
    if (hasExtra(view, at + CENTRAL_SIZE + nameLength, extraLength, ZIP64_EXTRA)) return "unsafe";
    if (flags & 0x1) return "unsafe"; // encrypted: its content cannot be judged
    const ratio = compressedSize === 0 ? (uncompressedSize > 0 ? Infinity : 0) : uncompressedSize / compressedSize;
    if (ratio > MAX_ZIP_RATIO) return "unsafe";
    total += uncompressedSize;
    if (total > MAX_ZIP_UNCOMPRESSED_BYTES) return "unsafe";
    claimed += LOCAL_SIZE + nameLength + compressedSize;
    if (claimed > cdOffset || localOffset + LOCAL_SIZE + nameLength + compressedSize > cdOffset) return "unsafe";
    if (view.getUint32(localOffset, true) !== SIG_LOCAL) return null;

    entries.push({ name, method, compressedSize, uncompressedSize, localOffset });
    at = next;
  }
  return entries;
}

/** The EOCD record: scanned back from the end, its comment must reach exactly the end of the file. */
function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - EOCD_SIZE;
  const first = Math.max(0, last - 0xffff);
  for (let at = last; at >= first; at--) {
    if (view.getUint32(at, true) === SIG_EOCD && at + EOCD_SIZE + view.getUint16(at + 20, true) === view.byteLength) {
      return at;
    }
  }
  return -1;
}

function hasExtra(view: DataView, start: number, length: number, id: number): boolean {
  for (let at = start; at + 4 <= start + length; at += 4 + view.getUint16(at + 2, true)) {
    if (view.getUint16(at, true) === id) return true;
  }
  return false;
}

/** No traversal ("..") segment, no absolute path or drive letter (either slash counts). */
const isSafeEntryName = (name: string) =>
  !/^[/\\]/.test(name) && !/^[A-Za-z]:/.test(name) && !name.split(/[/\\]/).includes("..");

// ---------------------------------------------------------------- names on download
const FALLBACK_NAME = "document";
const MAX_NAME_LENGTH = 100;

/**
 * A file name safe to store and to offer for download: no directory part, no control or bidi
 * characters, only letters (any script), digits, space and . _ - ( ), at most 100 characters, and
 * the extension of the detected content ("report.exe" → "report.pdf", "x.pdf.exe" → "x.pdf").
 */
export function safeFileName(original: string, extension: string): string {
  const ext = extension.replace(/^\.+/, "").toLowerCase();
  // C0/C1 controls, bidi overrides and other invisible format characters (U+202E, U+2066 …).
  const visible = original.normalize("NFC").replace(/[\p{Cc}\p{Cf}]/gu, "");
  const base = visible
    .slice(Math.max(visible.lastIndexOf("/"), visible.lastIndexOf("\\")) + 1)
    .replace(/\p{Zs}/gu, " ")
    .replace(/[^\p{L}\p{M}\p{N} ._()-]/gu, "_")
    .replace(/_+/g, "_")
    .replace(/ +/g, " ")
    .replace(/\.+/g, ".");
  // Drop the claimed extension (letters with optional digits; "2024.05" keeps its ".05"), then the
  // detected one if the name already carries it before that.
  let stem = trimName(base.replace(/\.(?=[^.]*\p{L})[\p{L}\p{N}]{1,8}$/u, ""));
  if (stem.toLowerCase().endsWith(`.${ext}`)) stem = stem.slice(0, -(ext.length + 1));
  const kept = trimName(
    Array.from(trimName(stem))
      .slice(0, MAX_NAME_LENGTH - ext.length - 1)
      .join(""),
  );
  return `${kept || FALLBACK_NAME}.${ext}`;
}

const trimName = (s: string) => s.replace(/^[ .]+|[ .]+$/g, "");

// Lone surrogates would make encodeURIComponent throw.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Content-Disposition for a download (RFC 6266): always `attachment`, an ASCII fallback for old
 * clients and the exact name in RFC 5987 encoding.
 */
export function contentDisposition(fileName: string): string {
  const name = fileName.replace(/[\p{Cc}\p{Cf}]/gu, "").replace(LONE_SURROGATE, "\uFFFD") || FALLBACK_NAME;
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFallback(name)}"; filename*=UTF-8''${encoded}`;
}

/** "Résumé (final).odt" → "Resume (final).odt"; a name with no ASCII letters → "document.<ext>". */
function asciiFallback(name: string): string {
  const dot = name.lastIndexOf(".");
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
  const toAscii = (s: string) =>
    s
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .replace(/[^\x20-\x7e]+/g, "_")
      .replace(/["\\]/g, "")
      .replace(/%/g, "_") // some clients percent-decode even the plain filename
      .replace(/_+/g, "_");
  const asciiStem = toAscii(stem);
  const asciiExt = toAscii(ext);
  return `${/[A-Za-z0-9]/.test(asciiStem) ? asciiStem : FALLBACK_NAME}${asciiExt}`;
}

/** A refused upload's name, for the error message: made safe, extension kept as given. */
export function displayFileName(original: string): string {
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(original)?.[1] ?? "";
  return (ext ? safeFileName(original, ext) : safeFileName(original, "").replace(/\.$/, "")).slice(0, 80);
}
