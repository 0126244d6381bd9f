// The bare app of bench/load.ts keeps Next.js's defaults (its own config stops Next from reading the
// portal's, one folder up).
const config = { poweredByHeader: false };
export default config;
