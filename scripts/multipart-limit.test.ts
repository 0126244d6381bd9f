// The form-post filter in front of Next.js (scripts/multipart-limit.mjs): what it passes on is read
// back with the platform's own multipart parser (undici, as Next.js's no-JavaScript path reads it).
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from "@/lib/attachments/limits";
import {
  boundaryOf,
  limitMultipart,
  MARKER,
  MAX_FILE_BYTES,
  MAX_FILES,
  MAX_FORWARDED_BYTES,
} from "./multipart-limit.mjs";

async function encode(fd: FormData) {
  const r = new Request("http://x.invalid/", { method: "POST", body: fd });
  return { body: Buffer.from(await r.arrayBuffer()), type: r.headers.get("content-type")! };
}
function* chunks(body: Buffer, size: number) {
  for (let i = 0; i < body.length; i += size) yield body.subarray(i, i + size);
}
async function run(fd: FormData, chunkSize = 7, limits = { maxFileBytes: 100, maxFiles: 2 }) {
  const { body, type } = await encode(fd);
  const out = await limitMultipart(
    (async function* () {
      yield* chunks(body, chunkSize);
    })(),
    boundaryOf(type)!,
    limits,
  );
  return out ? new Response(new Uint8Array(out), { headers: { "content-type": type } }).formData() : null;
}

describe("limitMultipart", () => {
  it("passes a form within the limits on unchanged, whatever the chunking", async () => {
    const fd = new FormData();
    fd.append("title", "Ünïcode — title\r\n--not a boundary");
    fd.append("attachments", new File([new Uint8Array(100).fill(65)], "a.pdf", { type: "application/pdf" }));
    fd.append("attachments", new File([], ""));
    const { body, type } = await encode(fd);
    const direct = await new Response(new Uint8Array(body), { headers: { "content-type": type } }).formData();
    const shape = (x: FormData) =>
      [...x.entries()].map(([k, v]) => [k, typeof v === "string" ? v : [v.name, v.size, v.type]]);
    expect(shape(direct)[1]).toEqual(["attachments", ["a.pdf", 100, "application/pdf"]]);
    for (const size of [1, 2, 7, 64, 100_000]) {
      expect(shape((await run(fd, size))!)).toEqual(shape(direct));
    }
  });

  it("empties and marks a file too large, files beyond the count and control characters in a name", async () => {
    const fd = new FormData();
    fd.append("summary", "kept");
    fd.append("attachments", new File([new Uint8Array(101)], "big.pdf"));
    fd.append("attachments", new File([new Uint8Array(10)], "one.pdf"));
    fd.append("attachments", new File([new Uint8Array(10)], "two.pdf"));
    fd.append("attachments", new File([new Uint8Array(10)], "three.pdf"));
    fd.append("attachments", new File([new Uint8Array(10)], "bad\u0001\u001bname.pdf"));
    const got = (await run(fd))!;
    expect(got.get("summary")).toBe("kept");
    const files = (got.getAll("attachments") as File[]).map((f) => [f.name, f.size, f.type]);
    expect(files).toEqual([
      ["big.pdf", 0, MARKER.tooLarge],
      ["one.pdf", 10, "application/octet-stream"],
      ["two.pdf", 10, "application/octet-stream"],
      ["three.pdf", 0, MARKER.tooMany],
      ["bad??name.pdf", 0, MARKER.badName],
    ]);
  });

  it("refuses what is not a multipart body", async () => {
    const src = (async function* () {
      yield Buffer.from("this is not multipart at all");
    })();
    expect(await limitMultipart(src, "xyz")).toBeNull();
    expect(boundaryOf("text/plain")).toBeNull();
    expect(boundaryOf("multipart/form-data; boundary=----abc")).toBe("----abc");
  });

  it("keeps the same limits as the app, and Next.js's body limits above what it passes on", () => {
    expect(MAX_FILE_BYTES).toBe(MAX_ATTACHMENT_BYTES);
    expect(MAX_FILES).toBe(MAX_ATTACHMENTS);
    const config = fs.readFileSync("next.config.js", "utf8");
    for (const key of ["bodySizeLimit", "proxyClientMaxBodySize"]) {
      const mb = Number(new RegExp(`${key}: "(\\d+)mb"`).exec(config)?.[1]);
      expect(mb * 1024 * 1024, key).toBeGreaterThan(MAX_FORWARDED_BYTES);
    }
  });
});
