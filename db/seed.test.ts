// The seed must not drift from the source document (db/source/).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { seedConsultations, seedThemes } from "./seed-data";

const sourcePath = path.resolve("db/source/regional-consultations-2017.txt");
const source = fs.readFileSync(sourcePath, "utf8");
const months = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

// Each block of the source: "Dates:  4-5 August 2017 / Location:  Bangkok, Thailand / Anchored by: …".
const blocks = [
  ...source.matchAll(
    /Dates:\s+(\d+)-(\d+) (\w+)(?: (\d{4}))?\s+Location:\s+([^,\n]+), ([^\n]+)\s+Anchored by:\s+([^\n]+)/g,
  ),
].map((m) => ({
  from: Number(m[1]),
  to: Number(m[2]),
  month: months.indexOf(m[3] ?? ""),
  year: m[4],
  city: m[5]?.trim(),
  anchors: m[7] ?? "",
}));

describe("seed data against the source document", () => {
  it("has the seven consultations of the source, in its order", () => {
    expect(blocks).toHaveLength(7);
    expect(seedConsultations).toHaveLength(7);
  });

  it.each(seedConsultations.map((c, i) => [c.slug, c, i] as const))(
    "%s matches its dates, city and anchors",
    (_slug, c, i) => {
      const b = blocks[i];
      if (!b) throw new Error("block missing");
      expect(c.city).toBe(b.city);
      const start = new Date(`${c.startsOn}T00:00:00Z`);
      const end = new Date(`${c.endsOn}T00:00:00Z`);
      expect([start.getUTCDate(), end.getUTCDate(), start.getUTCMonth()]).toEqual([b.from, b.to, b.month]);
      if (b.year) expect(String(start.getUTCFullYear())).toBe(b.year);
      // Every capitalised name in our anchors text stands in the source's "Anchored by" line
      // (our text abbreviates "Univ. of NSW" as UNSW).
      const aliases: Record<string, string> = { UNSW: "NSW" };
      const names = c.anchors.match(/[A-Z][A-Za-z-]+/g) ?? [];
      expect(names.length).toBeGreaterThan(0);
      for (const n of names) expect(b.anchors).toContain(aliases[n] ?? n);
    },
  );

  it("names every consultation with a valid IANA time zone", () => {
    for (const c of seedConsultations)
      expect(() => new Intl.DateTimeFormat("en", { timeZone: c.timeZone })).not.toThrow();
  });

  it("gives the six themes in English, French, Spanish and Arabic", () => {
    expect(seedThemes.map((t) => t.id)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const t of seedThemes)
      for (const l of ["en", "fr", "es", "ar"] as const) expect(t.names[l].length).toBeGreaterThan(20);
  });
});
