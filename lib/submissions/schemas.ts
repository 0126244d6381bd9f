import * as z from "zod/mini";
import { optionalOrBlank, optionalOrIgnored, topicId } from "@/lib/zod";
import { countryCodes } from "@/lib/i18n/countries";
import { organisationSchema } from "@/lib/organisations/schemas";
import { CHANNELS } from "@/db/enums";

// The form's fields and limits are declared once, in a module without zod (the browser's form
// imports them before its schema arrives); re-exported here for the server's callers.
export { inputLanguages, LIMITS, PUBLICATIONS, SUBMISSION_ARRAY_FIELDS } from "./fields";
import { inputLanguages, LIMITS, PUBLICATIONS } from "./fields";

// Browsers send textarea line breaks as CRLF; inputs store plain "\n" (and count characters as typed).
const text = (max: number, min = 0, required?: string) =>
  z.pipe(
    z.pipe(
      z.string(required ? { error: required } : undefined),
      z.transform((v) => v.replace(/\r\n?/g, "\n")),
    ),
    z.string().check(z.trim(), z.minLength(min, required ? { error: required } : undefined), z.maxLength(max)),
  );
const optionalText = (max: number) =>
  z.pipe(
    z.optional(z.string().check(z.trim(), z.maxLength(max))),
    z.transform((v) => (v ? v : undefined)),
  );
const themes = z.array(topicId());
const email = z.email().check(z.maxLength(254));

/** The input's content: what the organisation writes. Full rules, applied on submit. */
export const submissionContentSchema = z.object({
  // Messages named by key (lib/validation.ts): each says what to do about this field.
  title: text(LIMITS.title, 1, "inputTitle"),
  themes: themes.check(z.minLength(1, { error: "inputThemes" }), z.maxLength(6)),
  summary: text(LIMITS.summary, 1, "inputSummary"),
  body: text(LIMITS.body, 1, "inputBody"),
  // Empty recommendation fields are dropped, then at most five remain.
  recommendations: z.pipe(
    z.pipe(
      z._default(z.array(text(LIMITS.recommendation)), []),
      z.transform((rs) => rs.filter((r) => r.length > 0)),
    ),
    z.array(z.string()).check(z.maxLength(LIMITS.recommendations)),
  ),
  countries: z._default(z.array(z.enum(countryCodes)).check(z.maxLength(LIMITS.countries)), []),
  language: z.enum(inputLanguages, { error: "inputLanguage" }),
  contactName: text(120, 1, "contactName"),
  contactEmail: z.email({ error: "contactPersonEmail" }).check(z.maxLength(254)),
  publication: z.enum(PUBLICATIONS, { error: "publication" }),
});

/** Which form instance, for which organisation and consultation, from which version. */
const envelope = z.object({
  consultationId: z.uuid(),
  organisationId: z.uuid(),
  // Set once the draft exists on the server.
  submissionId: optionalOrBlank(z.uuid()),
  version: z.coerce.number().check(z.int(), z.gte(0)),
  // One per form instance: a double click or a retried POST finds the same submission.
  idempotencyKey: z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/)),
  intent: z._default(z.enum(["draft", "submit"]), "submit"),
});

export const submissionSchema = z.extend(envelope, submissionContentSchema.shape);
export type SubmissionInput = z.infer<typeof submissionSchema>;

/** A draft may be incomplete; it still respects every limit. */
export const draftSchema = z.extend(envelope, {
  title: z._default(text(LIMITS.title), ""),
  themes: z._default(themes.check(z.maxLength(6)), []),
  summary: z._default(text(LIMITS.summary), ""),
  body: z._default(text(LIMITS.body), ""),
  recommendations: z.pipe(
    z._default(z.array(text(LIMITS.recommendation)), []),
    z.transform((rs) => rs.filter((r) => r.length > 0).slice(0, LIMITS.recommendations)),
  ),
  countries: z._default(z.array(z.enum(countryCodes)).check(z.maxLength(LIMITS.countries)), []),
  language: optionalOrBlank(z.enum(inputLanguages)),
  contactName: optionalText(120),
  contactEmail: optionalOrBlank(email),
  publication: optionalOrBlank(z.enum(PUBLICATIONS)),
});
export type DraftInput = z.infer<typeof draftSchema>;

export type SubmissionContent = z.infer<typeof submissionContentSchema>;

// ---------------------------------------------------------------- entered on behalf
/** How an input the anchors enter reached them (web is the organisation's own form). */
export type BehalfChannel = Exclude<(typeof CHANNELS)[number], "web">;

export const behalfChannels = CHANNELS.filter((c): c is BehalfChannel => c !== "web") as [
  BehalfChannel,
  ...BehalfChannel[],
];

/**
 * The organisation an input is entered for: one that exists (chosen by search), or one created on
 * the spot with the fewest fields — a group that wrote or phoned may have no e-mail address.
 */
export const behalfOrganisationSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("existing"), id: z.uuid() }),
  z.extend(z.pick(organisationSchema, { name: true, country: true, type: true, locale: true }), {
    mode: z.literal("new"),
    contactEmail: optionalOrBlank(email),
  }),
]);

/**
 * The anchors' form for an input received by e-mail, paper or voice: the organisation's own fields,
 * except that the contact person's e-mail may be unknown (a letter, a phone call).
 */
export const behalfSubmissionSchema = z.extend(submissionContentSchema, {
  consultationId: z.uuid(),
  idempotencyKey: z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/)),
  channel: z.enum(behalfChannels, { error: "channelRequired" }),
  organisation: behalfOrganisationSchema,
  contactEmail: optionalOrBlank(email),
});
export type BehalfSubmissionInput = z.infer<typeof behalfSubmissionSchema>;

/** The anchors' search for the organisation (a GET form: name, page). */
export const organisationSearchSchema = z.object({
  q: optionalOrIgnored(z.string().check(z.trim(), z.maxLength(100))),
  page: optionalOrIgnored(z.coerce.number().check(z.int(), z.gte(1), z.lte(1000))),
});
