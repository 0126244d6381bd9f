// Attachments are judged by content: real PDF/DOCX/ODT pass, anything else (renamed executables,
// other ZIP formats, HTML) is refused, and hostile ZIPs (bombs by declared size or ratio, overlapping
// entries, ZIP64, traversing names) are refused from their headers alone. File names are made safe.
// Fixtures are built here, byte by byte, with a tiny ZIP writer (stored entries, real CRC-32).
import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  contentDisposition,
  detectDocumentType,
  inspectDocument,
  MAX_ATTACHMENT_BYTES,
  safeFileName,
} from "@/lib/attachments/inspect";

// ---------------------------------------------------------------- fixtures
const utf8 = (s: string) => new TextEncoder().encode(s);

function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

interface ZipSpec {
  name: string;
  data?: Uint8Array | string;
  /** Declared in both headers; the bytes are always written as they are (nothing is compressed). */
  method?: number;
  compressedSize?: number;
  uncompressedSize?: number;
  flags?: number;
  /** Central directory extra field. */
  extra?: Uint8Array;
  /** A central entry with no data of its own, pointing at this entry's local header (overlap). */
  sameDataAs?: string;
}

interface ZipOptions {
  comment?: string;
  zip64Locator?: boolean;
  /** Overrides the entry count in the end record. */
  count?: number;
}

function zip(specs: ZipSpec[], opts: ZipOptions = {}): Uint8Array {
  const parts: Buffer[] = [];
  const offsets = new Map<string, number>();
  let offset = 0;
  const central: Buffer[] = [];
  for (const spec of specs) {
    const data = typeof spec.data === "string" ? utf8(spec.data) : (spec.data ?? new Uint8Array());
    const name = Buffer.from(spec.name, "utf8");
    const extra = Buffer.from(spec.extra ?? new Uint8Array());
    const method = spec.method ?? 0;
    const compressedSize = spec.compressedSize ?? data.length;
    const uncompressedSize = spec.uncompressedSize ?? data.length;
    const crc = crc32(data);
    let localOffset: number;
    if (spec.sameDataAs !== undefined) {
      localOffset = offsets.get(spec.sameDataAs) ?? 0;
    } else {
      localOffset = offset;
      offsets.set(spec.name, offset);
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(spec.flags ?? 0, 6);
      local.writeUInt16LE(method, 8);
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(compressedSize, 18);
      local.writeUInt32LE(uncompressedSize, 22);
      local.writeUInt16LE(name.length, 26);
      parts.push(local, name, Buffer.from(data));
      offset += 30 + name.length + data.length;
    }
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(spec.flags ?? 0, 8);
    header.writeUInt16LE(method, 10);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(compressedSize, 20);
    header.writeUInt32LE(uncompressedSize, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt16LE(extra.length, 30);
    header.writeUInt32LE(localOffset, 42);
    central.push(header, name, extra);
  }
  const cd = Buffer.concat(central);
  const comment = Buffer.from(opts.comment ?? "", "utf8");
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(opts.count ?? specs.length, 8);
  end.writeUInt16LE(opts.count ?? specs.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(comment.length, 20);
  const locator = Buffer.alloc(opts.zip64Locator ? 20 : 0);
  if (opts.zip64Locator) locator.writeUInt32LE(0x07064b50, 0);
  return new Uint8Array(Buffer.concat([...parts, cd, locator, end, comment]));
}

const xml = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}`;
const docxEntries: ZipSpec[] = [
  {
    name: "[Content_Types].xml",
    data: xml(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
  },
  {
    name: "_rels/.rels",
    data: xml(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
  },
  {
    name: "word/document.xml",
    data: xml(
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Submission</w:t></w:r></w:p></w:body></w:document>',
    ),
  },
];

const ODT = "application/vnd.oasis.opendocument.text";
const odtEntries = (mimetype = ODT): ZipSpec[] => [
  { name: "mimetype", data: mimetype },
  {
    name: "META-INF/manifest.xml",
    data: xml(
      `<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="${mimetype}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`,
    ),
  },
  {
    name: "content.xml",
    data: xml(
      '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:text><text:p>Submission</text:p></office:text></office:body></office:document-content>',
    ),
  },
];

const pdf = utf8("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
const docx = zip(docxEntries);
const odt = zip(odtEntries());
const exe = Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff]);
const junk = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 131 + 7) % 251);

/**
 * Real deflate data inflating to zeros at exactly `ratio`: the compressed stream is padded in front
 * with empty stored blocks (5 bytes each) until uncompressed / compressed is exact.
 */
function deflatedAtRatio(ratio: number, from = 200_000): { data: Uint8Array; uncompressedSize: number } {
  for (let size = from; ; size += ratio) {
    const packed = deflateRawSync(Buffer.alloc(size), { level: 9 });
    const pad = size / ratio - packed.length;
    if (pad >= 0 && pad % 5 === 0) {
      const empty = Buffer.from([0x00, 0x00, 0x00, 0xff, 0xff]);
      return {
        data: new Uint8Array(Buffer.concat([...Array.from({ length: pad / 5 }, () => empty), packed])),
        uncompressedSize: size,
      };
    }
  }
}

/** No lone surrogates (encodeURIComponent throws on them). */
const wellFormed = (s: string) => {
  try {
    encodeURIComponent(s);
    return true;
  } catch {
    return false;
  }
};

const refused = (bytes: Uint8Array) => {
  const result = inspectDocument(bytes);
  return result.ok ? "accepted" : result.reason;
};

// ---------------------------------------------------------------- types by content
describe("inspectDocument: accepted documents", () => {
  it("accepts a PDF, a DOCX and an ODT, with the media type and extension of their content", () => {
    expect(inspectDocument(pdf)).toEqual({ ok: true, kind: "pdf", mediaType: "application/pdf", extension: "pdf" });
    expect(inspectDocument(docx)).toEqual({
      ok: true,
      kind: "docx",
      mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      extension: "docx",
    });
    expect(inspectDocument(odt)).toEqual({ ok: true, kind: "odt", mediaType: ODT, extension: "odt" });
  });

  it("finds the end record behind an archive comment", () => {
    expect(detectDocumentType(zip(docxEntries, { comment: "PK\x05\x06 not the end record" }))?.kind).toBe("docx");
  });

  it("accepts exactly MAX_ATTACHMENT_BYTES and refuses one byte more", () => {
    const atLimit = new Uint8Array(MAX_ATTACHMENT_BYTES);
    atLimit.set(pdf);
    expect(inspectDocument(atLimit).ok).toBe(true);
    const over = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    over.set(pdf);
    expect(refused(over)).toBe("tooLarge");
  });

  it("refuses an 11 MB PDF and an empty file", () => {
    const big = new Uint8Array(11 * 1024 * 1024);
    big.set(pdf);
    expect(refused(big)).toBe("tooLarge");
    expect(refused(new Uint8Array())).toBe("empty");
  });
});

describe("inspectDocument: other content, whatever its name", () => {
  it.each([
    ["an executable (MZ) named .pdf", exe],
    ["HTML", utf8("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>")],
    ["%PDF- not at offset 0", utf8(" %PDF-1.4\n%%EOF")],
    ["plain text", utf8("hello")],
    [
      "a plain ZIP",
      zip([
        { name: "readme.txt", data: "hi" },
        { name: "photo.jpg", data: junk(64) },
      ]),
    ],
    [
      "an XLSX",
      zip([
        { name: "[Content_Types].xml", data: "<Types/>" },
        { name: "xl/workbook.xml", data: "<workbook/>" },
      ]),
    ],
    ["an ODP (presentation mimetype)", zip(odtEntries("application/vnd.oasis.opendocument.presentation"))],
    ["an ODT whose mimetype is not the first entry", zip([...odtEntries().slice(1), ...odtEntries().slice(0, 1)])],
    [
      "an ODT whose mimetype is declared compressed",
      zip([{ ...odtEntries()[0]!, method: 8 }, ...odtEntries().slice(1)]),
    ],
    ["a DOCX without word/document.xml", zip(docxEntries.filter((e) => e.name !== "word/document.xml"))],
    ["a macro-enabled document (DOCM)", zip([...docxEntries, { name: "word/vbaProject.bin", data: junk(32) }])],
    ["a ZIP local header followed by garbage", new Uint8Array([...utf8("PK\x03\x04"), ...junk(500)])],
    ["a truncated DOCX", docx.subarray(0, Math.floor(docx.length / 2))],
  ])("refuses %s as unsupportedType", (_label, bytes) => {
    expect(refused(bytes)).toBe("unsupportedType");
    expect(detectDocumentType(bytes)).toBeNull();
  });
});

// ---------------------------------------------------------------- hostile archives
describe("inspectDocument: hostile archives", () => {
  const bombData = junk(1000);
  const zip64Extra = Uint8Array.from([0x01, 0x00, 0x08, 0x00, 0, 0, 0, 0, 0, 0, 0, 0]);

  it.each([
    [
      "an entry declaring a ratio above 200 (1000 bytes → 4 GB)",
      zip([...docxEntries, { name: "word/media/bomb.bin", data: bombData, method: 8, uncompressedSize: 0xfffffffe }]),
    ],
    [
      "an entry just over ratio 200",
      zip([...docxEntries, { name: "word/media/a.bin", data: bombData, method: 8, uncompressedSize: 200_001 }]),
    ],
    [
      "an entry declaring content but no compressed bytes",
      zip([...docxEntries, { name: "word/media/a.bin", method: 8, uncompressedSize: 1000 }]),
    ],
    [
      "entries within ratio 200 but over 100 MB in total",
      zip([
        ...docxEntries,
        ...Array.from({ length: 6 }, (_, i) => ({
          name: `word/media/${i}.bin`,
          data: junk(100_000),
          method: 8,
          uncompressedSize: 20_000_000,
        })),
      ]),
    ],
    [
      "more than 2000 entries",
      zip([...docxEntries, ...Array.from({ length: 1998 }, (_, i) => ({ name: `word/media/${i}.xml`, data: "" }))]),
    ],
    [
      "overlapping entries (central entries sharing one local record)",
      zip([
        ...docxEntries,
        { name: "word/a.xml", sameDataAs: "word/document.xml" },
        { name: "word/b.xml", sameDataAs: "word/document.xml" },
      ]),
    ],
    ["ZIP64 sizes", zip([...docxEntries, { name: "word/media/a.bin", data: bombData, uncompressedSize: 0xffffffff }])],
    ["a ZIP64 extra field", zip([...docxEntries, { name: "word/media/a.bin", data: bombData, extra: zip64Extra }])],
    ["a ZIP64 end locator", zip(docxEntries, { zip64Locator: true })],
    ["an entry count of 0xFFFF (ZIP64)", zip(docxEntries, { count: 0xffff })],
    ["an encrypted entry", zip([...docxEntries, { name: "word/secret.xml", data: bombData, flags: 1 }])],
    ["duplicate entry names", zip([...docxEntries, { name: "word/document.xml", data: "<other/>" }])],
    ["a name differing only in case", zip([...docxEntries, { name: "WORD/document.xml", data: "<other/>" }])],
    ["a traversing name", zip([...docxEntries, { name: "../../etc/cron.d/evil", data: "x" }])],
    ["a traversing name with backslashes", zip([...docxEntries, { name: "word\\..\\..\\evil.xml", data: "x" }])],
    ["a traversing name inside the path", zip([...docxEntries, { name: "word/../../evil.xml", data: "x" }])],
    ["an absolute name", zip([...docxEntries, { name: "/etc/passwd", data: "x" }])],
    ["a drive-letter name", zip([...docxEntries, { name: "C:\\Windows\\evil.dll", data: "x" }])],
    ["a name with NUL", zip([...docxEntries, { name: "word/evil.xml\u0000.png", data: "x" }])],
    ["a traversing name in an ODT", zip([...odtEntries(), { name: "../content.xml", data: "x" }])],
  ])("refuses %s as unsafeArchive", (_label, bytes) => {
    expect(refused(bytes)).toBe("unsafeArchive");
    expect(detectDocumentType(bytes)).toBeNull();
  });

  it.each([
    [
      "a deflated entry inflating past its declared size (a bomb claiming 1,000 bytes)",
      { data: deflateRawSync(Buffer.alloc(5_000_000)), uncompressedSize: 1000 },
    ],
    [
      "a deflated entry inflating to less than declared",
      { data: deflateRawSync(Buffer.alloc(1000)), uncompressedSize: 2000 },
    ],
    ["a corrupt deflate stream", { data: junk(1000), uncompressedSize: 2000 }],
    ["a truncated deflate stream", { data: deflateRawSync(junk(5000)).subarray(0, 100), uncompressedSize: 5000 }],
  ])("refuses %s as unsafeArchive", (_label, entry) => {
    expect(refused(zip([...docxEntries, { name: "word/media/a.bin", method: 8, ...entry }]))).toBe("unsafeArchive");
  });

  it("refuses a stored entry whose sizes differ and an entry in a method word processors do not use", () => {
    expect(refused(zip([...docxEntries, { name: "word/a.xml", data: "<a/>", uncompressedSize: 3 }]))).toBe(
      "unsafeArchive",
    );
    expect(refused(zip([...docxEntries, { name: "word/a.bin", data: junk(100), method: 12 }]))).toBe("unsafeArchive");
  });

  it("accepts real deflated entries", () => {
    const text = utf8("<w:p>Migration governance</w:p>".repeat(500));
    expect(
      refused(
        zip([
          ...docxEntries,
          { name: "word/styles.xml", data: deflateRawSync(text), method: 8, uncompressedSize: text.length },
        ]),
      ),
    ).toBe("accepted");
  });

  it("accepts entries at exactly ratio 200, 2000 entries and plain dotted names", () => {
    const atRatio = { name: "word/media/a.bin", method: 8, ...deflatedAtRatio(200) };
    expect(refused(zip([...docxEntries, atRatio]))).toBe("accepted");
    const many = Array.from({ length: 1997 }, (_, i) => ({ name: `word/media/${i}.xml`, data: "" }));
    expect(refused(zip([...docxEntries, ...many]))).toBe("accepted");
    expect(refused(zip([...docxEntries, { name: "word/media/image..1.png", data: "x" }]))).toBe("accepted");
  });
});

// ---------------------------------------------------------------- names
describe("safeFileName", () => {
  it.each([
    ["../../etc/passwd", "pdf", "passwd.pdf"],
    ["..\\..\\Windows\\System32\\evil.pdf", "pdf", "evil.pdf"],
    ["C:\\Users\\amina\\Desktop\\notes.docx", "docx", "notes.docx"],
    ["a\u0000b.pdf", "pdf", "ab.pdf"],
    ["line\r\nbreak\u0085.pdf", "pdf", "linebreak.pdf"],
    ["\u202Eevil.pdf", "pdf", "evil.pdf"],
    // Displayed as "invoiceexe.pdf" under the right-to-left override, which goes.
    ["invoice\u202Efdp.exe", "pdf", "invoicefdp.pdf"],
    ["\u2066isolated\u2069.odt", "odt", "isolated.odt"],
    ["تقرير المنظمة.docx", "docx", "تقرير المنظمة.docx"],
    ["Résumé (final).odt", "odt", "Résumé (final).odt"],
    ["Re\u0301sume\u0301 (final).odt", "odt", "Résumé (final).odt"],
    ["report.exe", "pdf", "report.pdf"],
    ["x.pdf.exe", "pdf", "x.pdf"],
    ["REPORT.PDF", "pdf", "REPORT.pdf"],
    ["contribution.docx", "odt", "contribution.odt"],
    ["Meeting notes 2024.05", "pdf", "Meeting notes 2024.05.pdf"],
    ['a<b>c:d*e?f|g"h.pdf', "pdf", "a_b_c_d_e_f_g_h.pdf"],
    ["a   b___c...d.pdf", "pdf", "a b_c.d.pdf"],
    ["  .hidden name .pdf", "pdf", "hidden name.pdf"],
    ["", "pdf", "document.pdf"],
    ["...", "pdf", "document.pdf"],
    ["uploads/", "docx", "document.docx"],
    ["\u202E\u0000", "odt", "document.odt"],
    ["report", ".pdf", "report.pdf"],
  ])("%j as %s → %j", (original, extension, expected) => {
    expect(safeFileName(original, extension)).toBe(expected);
  });

  it("caps names at 100 characters without splitting a character", () => {
    const long = safeFileName(`${"a".repeat(300)}.pdf`, "pdf");
    expect(long).toBe(`${"a".repeat(96)}.pdf`);
    const astral = safeFileName(`${"𠀀".repeat(200)}.docx`, "docx");
    expect(Array.from(astral)).toHaveLength(100);
    expect(astral.endsWith("𠀀.docx")).toBe(true);
    expect(wellFormed(astral)).toBe(true);
  });

  it("only ever returns letters, digits, space and . _ - ( ), with no traversal", () => {
    const hostile = [
      "../../etc/passwd",
      "a\u0000b.pdf",
      "\u202Eevil.pdf",
      "<script>.pdf",
      "x\u{1F600}y.pdf",
      "\uD800lone.pdf",
      "%2e%2e%2f.pdf",
    ];
    for (const name of hostile) {
      const safe = safeFileName(name, "pdf");
      expect(safe).toMatch(/^[\p{L}\p{M}\p{N} ._()-]+\.pdf$/u);
      expect(safe).not.toContain("..");
      expect(wellFormed(safe)).toBe(true);
    }
  });
});

describe("contentDisposition", () => {
  const parts = (header: string) => {
    const match = /^attachment; filename="([^"\\]*)"; filename\*=UTF-8''([A-Za-z0-9!#$&+\-.^_`|~%]+)$/.exec(header);
    expect(match, header).not.toBeNull();
    return { fallback: match?.[1], encoded: match?.[2] ?? "" };
  };

  it("gives ASCII names as they are", () => {
    expect(contentDisposition("report.pdf")).toBe(`attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`);
  });

  it("encodes accented names per RFC 5987, with an unaccented fallback", () => {
    expect(contentDisposition("Résumé (final).odt")).toBe(
      `attachment; filename="Resume (final).odt"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%28final%29.odt`,
    );
  });

  it("encodes Arabic names, falling back to document.<ext> in ASCII", () => {
    const { fallback, encoded } = parts(contentDisposition("تقرير المنظمة.docx"));
    expect(fallback).toBe("document.docx");
    expect(decodeURIComponent(encoded)).toBe("تقرير المنظمة.docx");
  });

  it("removes quotes and backslashes from the fallback and percent-encodes them", () => {
    const { fallback, encoded } = parts(contentDisposition('a"b\\c.pdf'));
    expect(fallback).toBe("abc.pdf");
    expect(encoded).toBe("a%22b%5Cc.pdf");
  });

  it("never lets a name break out of the header", () => {
    const header = contentDisposition("x.pdf\r\nSet-Cookie: a=b\u0000\u202E.pdf");
    expect(header).not.toMatch(/[\r\n\u0000\u202E]/);
    expect(parts(header).fallback).toBe("x.pdfSet-Cookie: a=b.pdf");
    expect(parts(contentDisposition("50%.pdf"))).toEqual({ fallback: "50_.pdf", encoded: "50%25.pdf" });
    expect(parts(contentDisposition("\uD800.pdf")).encoded).toBe("%EF%BF%BD.pdf");
  });
});
