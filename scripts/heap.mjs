// The server's V8 heap cap. Left to itself, V8 sizes the heap from the machine's memory (about 4 GB
// here) and lets garbage pile up to a hundred megabytes or more before collecting it: a 100,000-row
// export then peaks above 300 MB of RSS although it holds a few megabytes at a time. With a cap the
// collector runs sooner; the export peaks near 200 MB (`npm run bench:export` measures both).
// APP_HEAP_MB changes the cap; NODE_OPTIONS set by the operator are kept (and win if they set it).
export const DEFAULT_HEAP_MB = 512;

export function heapFlag(env = process.env) {
  const mb = Number(env.APP_HEAP_MB || DEFAULT_HEAP_MB);
  if (!Number.isInteger(mb) || mb < 128)
    throw new Error(`APP_HEAP_MB must be a whole number of megabytes ≥ 128, not ${env.APP_HEAP_MB}`);
  return `--max-old-space-size=${mb}`;
}

/** NODE_OPTIONS for the server process: the heap cap first, the operator's own options after it. */
export function serverNodeOptions(env = process.env) {
  return [heapFlag(env), env.NODE_OPTIONS ?? ""].join(" ").trim();
}
