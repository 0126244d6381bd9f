// Deterministic generation of realistic inputs for the benchmarks (bench/queue.ts, bench/export.ts):
// a seeded random source, multilingual text from bench/corpus.ts, and COPY into PostgreSQL.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type postgres from "postgres";
import { corpora, type BenchLanguage } from "./corpus";

// ---------------------------------------------------------------- deterministic randomness
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
export type Rng = () => number;
export const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
export function pick<T>(r: Rng, a: readonly T[]): T {
  return a[Math.floor(r() * a.length)]!;
}
export function weighted(r: Rng, w: readonly number[]): number {
  const sum = w.reduce((x, y) => x + y, 0);
  let x = r() * sum;
  for (let i = 0; i < w.length; i++) {
    x -= w[i]!;
    if (x < 0) return i;
  }
  return w.length - 1;
}
export function sample<T>(r: Rng, a: readonly T[], n: number): T[] {
  const out = new Set<T>();
  while (out.size < Math.min(n, a.length)) out.add(pick(r, a));
  return [...out];
}

// ---------------------------------------------------------------- text
const low = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

export function sentence(r: Rng, lang: BenchLanguage): string {
  const c = corpora[lang];
  let subj = pick(r, c.subjects);
  const tail = r() < 0.03 ? pick(r, c.rareTails) : pick(r, c.tails);
  if (r() < 0.3) subj = `${pick(r, c.openers)} ${c.cased ? low(subj) : subj}`;
  return `${subj} ${pick(r, c.verbs)} ${pick(r, c.objects)} ${tail}.`;
}
export function paragraph(r: Rng, lang: BenchLanguage, n: number): string {
  return Array.from({ length: n }, () => sentence(r, lang)).join(" ");
}
/** Title, summary, body and recommendations in one language; formulaShare of recommendations start
 * with "- " (a value a spreadsheet would take for a formula, as real inputs sometimes have). */
export function texts(r: Rng, lang: BenchLanguage, { formulaShare = 0 }: { formulaShare?: number } = {}) {
  const c = corpora[lang];
  const title = pick(r, c.titles)(pick(r, c.objects), pick(r, c.tails), pick(r, c.subjects));
  const summary = paragraph(r, lang, int(r, 2, 3));
  // 18–36 sentences of ~11 words: a few hundred words in 3–5 paragraphs.
  const paras = int(r, 3, 5);
  const per = Math.ceil(int(r, 18, 36) / paras);
  const body = Array.from({ length: paras }, () => paragraph(r, lang, per)).join("\n\n");
  const recommendations = Array.from(
    { length: weighted(r, [30, 30, 25, 15]) },
    // No draw when formulaShare is 0: the queue benchmark's data stays what it always was.
    () =>
      `${formulaShare > 0 && r() < formulaShare ? "- " : ""}${c.recommendation(pick(r, c.objects), pick(r, c.tails))}`,
  );
  return { title: title.slice(0, 200), summary, body, recommendations };
}

// ---------------------------------------------------------------- COPY
export function pgArray(a: readonly (string | number)[]): string {
  return `{${a.map((x) => (typeof x === "number" ? String(x) : `"${x.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`)).join(",")}}`;
}
export function copyField(v: unknown): string {
  if (v === null || v === undefined) return "\\N";
  const s = Array.isArray(v) ? pgArray(v) : v instanceof Date ? v.toISOString() : String(v);
  return s.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}
export async function copyRows(
  sql: postgres.Sql,
  table: string,
  columns: string[],
  rows: Iterable<unknown[]>,
): Promise<void> {
  const stream = await sql.unsafe(`copy ${table} (${columns.join(", ")}) from stdin`).writable();
  function* chunks() {
    let buf: string[] = [];
    for (const row of rows) {
      buf.push(row.map(copyField).join("\t"));
      if (buf.length >= 500) {
        yield `${buf.join("\n")}\n`;
        buf = [];
      }
    }
    if (buf.length) yield `${buf.join("\n")}\n`;
  }
  await pipeline(Readable.from(chunks()), stream);
}

/**
 * Drops the secondary indexes of submissions for a bulk load; the returned function rebuilds them
 * (two at a time) and checks they are exactly the ones the migrations made.
 */
export async function withoutSubmissionIndexes(sql: postgres.Sql): Promise<() => Promise<void>> {
  const indexQuery = () =>
    sql`
    select indexname, indexdef from pg_indexes
    where schemaname = 'public' and tablename = 'submissions'
      and indexname not in (select conname from pg_constraint where conrelid = 'submissions'::regclass)
    order by indexname` as unknown as Promise<{ indexname: string; indexdef: string }[]>;
  const idx = await indexQuery();
  for (const i of idx) await sql.unsafe(`drop index "${i.indexname}"`);
  return async () => {
    const queue = [...idx];
    await Promise.all(
      [0, 1].map(() =>
        sql.reserve().then(async (conn) => {
          try {
            await conn`set maintenance_work_mem = '512MB'`;
            for (let i = queue.shift(); i; i = queue.shift()) await conn.unsafe(i.indexdef);
          } finally {
            conn.release();
          }
        }),
      ),
    );
    if (JSON.stringify(await indexQuery()) !== JSON.stringify(idx)) throw new Error("indexes differ after the rebuild");
  };
}
