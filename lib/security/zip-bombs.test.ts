// ZIP bombs among the attack tests (attacks.test.ts has the rest): a DOCX that would inflate past
// every limit is refused, and inspecting one costs memory bounded by the upload, not by what it
// claims or would inflate to.
import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { inspectDocument } from "@/lib/attachments/inspect";

// A DOCX whose word/media/bomb.bin is real deflate data of min(inflated, 64 MB) zeros, its header
// declaring either that size ("truthful", up to 4 GB) or 1,000 bytes ("small", the lie).
function bombDocx(inflated: number, declare: "truthful" | "small", extraEntries = 0): Uint8Array {
  const bomb = deflateRawSync(Buffer.alloc(Math.min(inflated, 64 * 1024 * 1024)), { level: 9 });
  const entries: { name: string; data: Buffer; method: number; size: number }[] = [
    { name: "[Content_Types].xml", data: Buffer.from("<Types/>"), method: 0, size: 8 },
    { name: "word/document.xml", data: Buffer.from("<w:document/>"), method: 0, size: 13 },
    {
      name: "word/media/bomb.bin",
      data: bomb,
      method: 8,
      size: declare === "truthful" ? Math.min(inflated, 0xfffffffe) : 1000,
    },
    ...Array.from({ length: extraEntries }, (_, i) => ({
      name: `word/media/${i}.xml`,
      data: Buffer.alloc(0),
      method: 0,
      size: 0,
    })),
  ];
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(e.method, 8);
    lh.writeUInt32LE(e.data.length, 18);
    lh.writeUInt32LE(e.size, 22);
    lh.writeUInt16LE(name.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(e.method, 10);
    ch.writeUInt32LE(e.data.length, 20);
    ch.writeUInt32LE(e.size, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    locals.push(lh, name, e.data);
    centrals.push(ch, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, eocd]));
}

describe("zip bombs: refused, and inspecting one costs memory bounded by the upload", () => {
  it("refuses a bomb declaring 4 GB, one lying about its size, and one with 60,000 entries", () => {
    const truthful = bombDocx(0xfffffffe, "truthful");
    const lying = bombDocx(64 * 1024 * 1024, "small");
    const many = bombDocx(1024, "truthful", 60_000);
    expect(truthful.byteLength).toBeLessThan(10 * 1024 * 1024);
    expect(inspectDocument(truthful)).toEqual({ ok: false, reason: "unsafeArchive" });
    expect(inspectDocument(lying)).toEqual({ ok: false, reason: "unsafeArchive" });
    expect(inspectDocument(many)).toMatchObject({ ok: false });
  });

  it("inspecting a 64 MB-inflating entry that claims 1,000 bytes stays within a few MB of heap", () => {
    const lying = bombDocx(64 * 1024 * 1024, "small");
    globalThis.gc?.();
    const before = process.memoryUsage();
    let peak = 0;
    for (let i = 0; i < 20; i++) {
      inspectDocument(lying);
      const m = process.memoryUsage();
      peak = Math.max(peak, m.heapUsed + m.arrayBuffers - before.heapUsed - before.arrayBuffers);
    }
    // Twenty inspections of an archive whose content would inflate to 1.25 GB in all.
    expect(peak).toBeLessThan(16 * 1024 * 1024);
  });
});
