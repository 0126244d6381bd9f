// How old cached data (public pages, moderation overview) may be on any app instance (lib/cache). Apart from the
// cache itself so that tests and the benchmark can read it (the cache is server-only).
export const PUBLIC_DATA_TTL_MS = 5000;
