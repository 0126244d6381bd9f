// Imported by every shared form schema module (lib/<domain>/schemas.ts) for its side effect, so that
// it runs before any schema is built: no compiled (`new Function`) parsers. The pages'
// Content-Security-Policy forbids eval in the browser, and zod's probe for it would report a
// violation on every page with a form (lib/security/headers.ts).
// The schema modules import zod as `import * as z from "zod"`: with the `z` object that "zod" also
// exports, the browser bundle carried all of zod (every locale, JSON Schema): 59 KB more compressed
// JavaScript on the submission form (npm run bench:weight).
import { config } from "zod";

config({ jitless: true });
