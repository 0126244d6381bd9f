// How old the public pages' data may be on any app instance (lib/cache/public-data.ts). Apart from the
// cache itself so that tests and the benchmark can read it (the cache is server-only).
export const PUBLIC_DATA_TTL_MS = 5000;
