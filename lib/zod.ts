// Imported by every form schema module (lib/<domain>/schemas.ts) before it builds a schema: no
// compiled (`new Function`) parsers, and no probe for them. The pages' Content-Security-Policy forbids
// eval in the browser, and the probe would report a violation on every page with a form
// (lib/security/headers.ts). zod/mini and classic zod share this one config (zod/v4/core).
//
// Schemas are written with zod/mini, the functional API (the actions' own ones too, for one way of
// writing them): client components import the form schemas for react-hook-form, and classic zod's
// schemas carry every method, so the browser got all of classic zod (JSON Schema, English messages).
// With mini the submission form's first-load JavaScript is 11 KB smaller compressed (npm run
// bench:weight). Messages are ours anyway: lib/validation.ts maps issue codes to translations.
// lib/env.ts keeps classic zod: it runs on the server only, and its English messages are what an
// operator reads when a variable is wrong.
import * as z from "zod/mini";

z.config({ jitless: true });

/** The schema, absent, or "" (an empty form field) read as absent. */
export const optionalOrBlank = <T extends z.ZodMiniType>(schema: T) =>
  z.union([
    z.optional(schema),
    z.pipe(
      z.literal(""),
      z.transform(() => undefined),
    ),
  ]);

/** For filters read from the URL: anything malformed is ignored (undefined), never a 500. */
export const optionalOrIgnored = <T extends z.ZodMiniType>(schema: T) => z.catch(z.optional(schema), undefined);

/**
 * A search box's words from the URL: control characters (NUL above all: PostgreSQL refuses it in
 * text) become spaces, at most 200 characters are searched, and anything else is no search.
 */
export const searchTerms = () =>
  optionalOrIgnored(
    z.pipe(
      z.pipe(
        z.string().check(z.maxLength(1000)),
        z.transform((s) => s.replace(/\p{Cc}/gu, " ").trim()),
      ),
      z.string().check(z.minLength(1), z.maxLength(200)),
    ),
  );

/** A topic's number (themes.id, a smallint): which round's topics it may be is checked in lib/. */
export const topicId = () => z.coerce.number().check(z.int(), z.gte(1), z.lte(32767));

/** A consultation's slug as it may appear in a URL or a hidden field ("asia", "latin-america-caribbean"). */
export const slug = () => z.string().check(z.regex(/^[a-z0-9-]{1,60}$/));
