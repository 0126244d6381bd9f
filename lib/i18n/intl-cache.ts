// Intl formatters are costly to build (≈ 0.15 ms for a DateTimeFormat here, against 2 µs to use one)
// and a page builds dozens: they are kept per locale and options. Pure functions of their key, so
// two app instances cannot disagree; the cap only guards against an unbounded set of time zones.
const MAX_ENTRIES = 500;
const formatters = new Map<string, unknown>();

export function cachedFormatter<T>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (f === undefined) {
    if (formatters.size >= MAX_ENTRIES) formatters.clear();
    f = make();
    formatters.set(key, f);
  }
  return f;
}
