// How old cached data (public pages, the moderation overview) may be on any app instance
// (lib/cache). Apart from the cache itself, which is server-only, so that tests can read it.
export const PUBLIC_DATA_TTL_MS = 5000;
