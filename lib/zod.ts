// zod for every shared form schema, configured before any schema is built: no compiled
// (`new Function`) parsers. The pages' Content-Security-Policy forbids eval in the browser, and
// zod's probe for it would report a violation on every page with a form (lib/security/headers.ts).
import { z } from "zod";

z.config({ jitless: true });

export { z };
