// Every catalogue has every key of the English one, with the same placeholders, and no empty text;
// and no component writes UI text outside the catalogue.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { locales } from "./config";

type Tree = { [k: string]: string | Tree };
const load = (l: string) => JSON.parse(fs.readFileSync(path.resolve(`messages/${l}.json`), "utf8")) as Tree;

function flatten(t: Tree, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(t)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out[key] = v;
    else Object.assign(out, flatten(v, key));
  }
  return out;
}

// Top-level ICU arguments ({name}, {n, plural, …}); the words inside plural branches differ by language.
function placeholders(s: string): string[] {
  const names = new Set<string>();
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "{") {
      if (depth === 0) {
        const m = /^\{\s*([A-Za-z0-9_]+)/.exec(s.slice(i));
        if (m?.[1]) names.add(m[1]);
      }
      depth++;
    } else if (s[i] === "}") depth--;
  }
  return [...names].sort();
}

const en = flatten(load("en"));

describe("message catalogues", () => {
  it.each(locales.filter((l) => l !== "en"))("%s has every key, no extra ones, and the same placeholders", (l) => {
    const other = flatten(load(l));
    expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of Object.entries(en)) expect(placeholders(other[k] ?? ""), `${l}:${k}`).toEqual(placeholders(v));
  });

  it.each(locales)("%s has no empty message", (l) => {
    for (const [k, v] of Object.entries(flatten(load(l)))) expect(v.trim(), `${l}:${k}`).not.toBe("");
  });

  it("components and pages contain no literal UI text", () => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith(".tsx")) files.push(p);
      }
    };
    walk("app");
    walk("components");
    const offenders: string[] = [];
    for (const f of files) {
      // Text between tags, and human-facing attributes, made of letters: it must come from t().
      const src = fs.readFileSync(f, "utf8").replace(/\{\/\*[\s\S]*?\*\/\}/g, "");
      for (const m of src.matchAll(
        /(?:<[A-Za-z][\w.]*(?:\s[^<>]*)?>|<\/[\w.]+>)([^<>{}();=]*\p{L}{2,}[^<>{}();=]*)</gu,
      )) {
        offenders.push(`${f}: ${m[1]?.trim()}`);
      }
      for (const m of src.matchAll(/\b(?:aria-label|title|placeholder|alt)="([^"]*\p{L}[^"]*)"/gu))
        offenders.push(`${f}: ${m[1]}`);
    }
    expect(offenders).toEqual([]);
  });
});
