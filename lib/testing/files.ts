// Files for the tests that upload: bytes from text, a PDF that proves every byte value survives
// storage, a Windows executable under a PDF's name, and one PDF past the size limit.
export const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
export const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
};

/** A minimal PDF with a binary comment and every byte value in a stream, to prove bytes survive storage. */
export const pdf = (marker = "") =>
  concat(
    ascii("%PDF-1.4\n%"),
    Uint8Array.from([0xe2, 0xe3, 0xcf, 0xd3, 0x0a]),
    ascii(`1 0 obj\n<< /Type /Catalog /Marker (${marker}) >>\nendobj\n2 0 obj\n<< /Length 256 >>\nstream\n`),
    Uint8Array.from({ length: 256 }, (_, i) => i),
    ascii("\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"),
  );
/** A Windows executable ("MZ" header) under a PDF's name. */
export const executable = () =>
  concat(ascii("MZ"), Uint8Array.from([0x90, 0, 3, 0, 0, 0, 4, 0]), ascii("This program cannot be run in DOS mode."));
/** 11 MB that starts like a PDF. */
export const oversizedPdf = () => {
  const bytes = new Uint8Array(11 * 1024 * 1024);
  bytes.set(ascii("%PDF-1.4\n"));
  return bytes;
};
