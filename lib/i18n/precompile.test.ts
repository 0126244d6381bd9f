// Under Next the catalogues are precompiled at build time and formatted by use-intl's format-only
// runtime (next.config.js, experimental.messages.precompile); vitest and scripts run without the
// plugin and parse them at run time. Every message of every catalogue must read the same both ways.
// icu-minify and use-intl come with next-intl: these are the versions the build uses.
import fs from "node:fs";
import path from "node:path";
import compile from "icu-minify/compile";
import { _createCache, _createIntlFormatters } from "use-intl/core";
import formatAtRunTime from "use-intl/format-message";
import formatPrecompiled from "use-intl/format-message/format-only";
import { describe, expect, it } from "vitest";
import { locales } from "./config";

type Tree = { [k: string]: string | Tree };
const leaves = (t: Tree, prefix = ""): [string, string][] =>
  Object.entries(t).flatMap(([k, v]) =>
    typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`),
  );

// Numbers that reach every plural category of our four languages (Arabic: zero, one, two, few, many).
const NUMBERS = [0, 1, 2, 3, 11, 100, 1234];

/** Sets of values for a message: each argument named in it, numbers for plurals, each option for selects. */
function sampleValues(message: string): Record<string, string | number>[] {
  const args = new Map<string, string | undefined>();
  for (const m of message.matchAll(/\{\s*([A-Za-z0-9_]+)\s*(?:,\s*([a-z]+))?/g))
    if (m[1]) args.set(m[1], m[2] ?? args.get(m[1]));
  const options = [...message.matchAll(/([A-Za-z0-9_=]+)\s*\{/g)]
    .map((m) => m[1] ?? "other")
    .filter((o) => !o.startsWith("="));
  return NUMBERS.map((n, i) =>
    Object.fromEntries(
      [...args].map(([name, type]) => [
        name,
        type === "plural" || type === "selectordinal" || type === "number"
          ? n
          : type === "select"
            ? (options[i % options.length] ?? "other")
            : `‹${name}›`,
      ]),
    ),
  );
}

describe("precompiled catalogues", () => {
  it.each(locales)("%s: every message formats as the run-time parser formats it", (locale) => {
    const catalogue = JSON.parse(fs.readFileSync(path.resolve(`messages/${locale}.json`), "utf8")) as Tree;
    const cache = _createCache();
    const options = { cache, formatters: _createIntlFormatters(cache), locale, timeZone: "UTC" };
    for (const [key, message] of leaves(catalogue)) {
      const compiled = compile(message);
      for (const values of sampleValues(message)) {
        const expected = formatAtRunTime(key, message, values, options);
        expect(formatPrecompiled(key, compiled, values, options), `${locale}:${key} ${JSON.stringify(values)}`).toEqual(
          expected,
        );
      }
    }
  });
});
