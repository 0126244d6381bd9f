// A seeded generator of hostile URL parameters (SQL and tsquery metacharacters, huge strings, unicode,
// NUL and other controls, impossible dates, broken keyset cursors, numbers out of range, arrays and
// objects where a scalar is expected), shared by lib/security/attacks.test.ts and e2e/attacks.spec.ts.
// Same seed, same cases: a failure names its case and can be replayed.
import { randomUUID } from "node:crypto";

export type Prng = ReturnType<typeof prng>;

export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  return { next, int, pick };
}

export const FUZZ_ATOMS = [
  "'",
  '"',
  "`",
  ";",
  "--",
  "/*",
  "*/",
  "' OR '1'='1",
  "'); DROP TABLE submissions; --",
  "\\",
  "%",
  "_",
  "$1",
  "::uuid",
  "E'\\x00'",
  "&",
  "|",
  "!",
  "(",
  ")",
  ":",
  "*",
  "<->",
  "<2>",
  "!!",
  "a & b | !c",
  "(a | b) & !(c:*)",
  "foo:*",
  "'a':*B",
  ":*",
  "&&",
  "||",
  "\u0000",
  "\u0001",
  "\u001f",
  "\u007f",
  "\u202e",
  "\u2066",
  "\ufeff",
  "\ud800",
  "\udfff",
  "😀",
  "مهاجر",
  "移民",
  "Ꭰ",
  "e\u0301",
  "\u00a0",
  "\r\n",
  "\t",
  "<script>window.__xss=1</script>",
  "${7*7}",
  "{{7*7}}",
  "%00",
  "%27",
  "null",
  "undefined",
  "NaN",
  "Infinity",
  "-1",
  "0",
  "1e309",
  "9".repeat(40),
  "2017-02-30",
  "2017-13-01",
  "0000-00-00",
  "9999-99-99",
  "2017-08-04",
  "-000001-01-01",
  "+275760-09-13",
  "2017-08-04T00:00:00Z",
  "asia",
  "mena",
  "all",
  "draft",
  "submitted",
  "accepted",
  "newest",
  "oldest",
  "ngo",
  "en",
  "TH",
  "FJ",
  "1",
  "6",
  "7",
];
export const FILTER_KEYS = [
  "status",
  "theme",
  "country",
  "orgType",
  "language",
  "from",
  "to",
  "q",
  "sort",
  "after",
  "consultation",
  "page",
  "__proto__",
  "constructor",
  "x",
];

/** `huge`: the longest repetition of one atom (URLs have header-size limits before the app sees them). */
export function fuzzString(r: Prng, huge = 20_000): string {
  const kind = r.int(10);
  if (kind === 0) return r.pick(FUZZ_ATOMS).repeat(1 + r.int(huge)); // huge
  if (kind === 1) {
    // A cursor-shaped string with something wrong in it.
    const at = r.pick([
      "2017-08-04T10:11:12.345Z",
      "2017-99-99T99:99Z",
      "0000-01-01T00:00:00Z",
      "-010000-01-01T00:00:00.000Z",
      "2017-08-04T10:11:12Z'",
      "",
    ]);
    const id = r.pick([
      randomUUID(),
      "-".repeat(36),
      "a".repeat(36),
      "0".repeat(36),
      "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz",
      "'; select 1; --",
      "",
    ]);
    return `${at}_${id}`;
  }
  if (kind === 2) return String(r.pick([-1, -(2 ** 53), 2 ** 53, 1e308, -0, 0.5, 2 ** 31, -(2 ** 31)]));
  const n = 1 + r.int(6);
  return Array.from({ length: n }, () => r.pick(FUZZ_ATOMS)).join(r.pick(["", " ", "&", "|"]));
}

export function fuzzParams(r: Prng, huge = 20_000): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const n = 1 + r.int(6);
  for (let i = 0; i < n; i++) {
    const k = r.pick(FILTER_KEYS);
    const roll = r.int(10);
    // Arrays where a scalar is expected (?q=a&q=b), objects, numbers: what a URL parser or a client may hand over.
    out[k] =
      roll === 0
        ? [fuzzString(r, huge), fuzzString(r, huge)]
        : roll === 1
          ? { nested: fuzzString(r, huge) }
          : roll === 2
            ? r.int(1e6) - 5e5
            : fuzzString(r, huge);
  }
  return out;
}

/** The same parameters as a query string (arrays repeat the key, objects become key[nested]). */
export function toQuery(params: Record<string, unknown>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (Array.isArray(v)) for (const x of v) q.append(k, String(x));
    else if (v && typeof v === "object") for (const [k2, x] of Object.entries(v)) q.append(`${k}[${k2}]`, String(x));
    else q.append(k, String(v));
  }
  return q.toString();
}
