import * as z from "zod";
import "@/lib/zod";
import { countryCodes } from "@/lib/i18n/countries";
import { organisationSchema } from "@/lib/organisations/schemas";

// Languages an input may be written in (ISO 639-1); "other" for anything else.
export const inputLanguages = ["en", "fr", "es", "ar", "pt", "ru", "zh", "sw", "hi", "bn", "ur", "tl", "id", "th", "fa", "tr", "am", "ha", "fj", "other"] as const;

export const LIMITS = { title: 200, summary: 1000, body: 20_000, recommendation: 500, recommendations: 5, countries: 30 } as const;

// Browsers send textarea line breaks as CRLF; inputs store plain "\n" (and count characters as typed).
const text = (max: number, min = 0) =>
  z
    .string()
    .transform((v) => v.replace(/\r\n?/g, "\n"))
    .pipe(z.string().trim().min(min).max(max));
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

/** The input's content: what the organisation writes. Full rules, applied on submit. */
export const submissionContentSchema = z.object({
  title: text(LIMITS.title, 1),
  themes: z.array(z.coerce.number().int().min(1).max(6)).min(1).max(6),
  summary: text(LIMITS.summary, 1),
  body: text(LIMITS.body, 1),
  // Empty recommendation fields are dropped, then at most five remain.
  recommendations: z
    .array(text(LIMITS.recommendation))
    .default([])
    .transform((rs) => rs.filter((r) => r.length > 0))
    .pipe(z.array(z.string()).max(LIMITS.recommendations)),
  countries: z.array(z.enum(countryCodes)).max(LIMITS.countries).default([]),
  language: z.enum(inputLanguages),
  contactName: text(120, 1),
  contactEmail: z.email().max(254),
  publication: z.enum(["named", "anonymous", "none"]),
});

/** Which form instance, for which organisation and consultation, from which version. */
const envelope = z.object({
  consultationId: z.uuid(),
  organisationId: z.uuid(),
  // Set once the draft exists on the server.
  submissionId: z
    .uuid()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  version: z.coerce.number().int().min(0),
  // One per form instance: a double click or a retried POST finds the same submission.
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  intent: z.enum(["draft", "submit"]).default("submit"),
});

export const submissionSchema = envelope.extend(submissionContentSchema.shape);
export type SubmissionInput = z.infer<typeof submissionSchema>;

/** A draft may be incomplete; it still respects every limit. */
export const draftSchema = envelope.extend({
  title: text(LIMITS.title).default(""),
  themes: z.array(z.coerce.number().int().min(1).max(6)).max(6).default([]),
  summary: text(LIMITS.summary).default(""),
  body: text(LIMITS.body).default(""),
  recommendations: z
    .array(text(LIMITS.recommendation))
    .default([])
    .transform((rs) => rs.filter((r) => r.length > 0).slice(0, LIMITS.recommendations)),
  countries: z.array(z.enum(countryCodes)).max(LIMITS.countries).default([]),
  language: z.enum(inputLanguages).optional().or(z.literal("").transform(() => undefined)),
  contactName: optionalText(120),
  contactEmail: z
    .email()
    .max(254)
    .optional()
    .or(z.literal("").transform(() => undefined)),
  publication: z.enum(["named", "anonymous", "none"]).optional().or(z.literal("").transform(() => undefined)),
});
export type DraftInput = z.infer<typeof draftSchema>;

export type SubmissionContent = z.infer<typeof submissionContentSchema>;

// ---------------------------------------------------------------- entered on behalf (SPEC §D)
/** How an input the anchors enter reached them (web is the organisation's own form). */
export const behalfChannels = ["email", "paper", "voice"] as const;
export type BehalfChannel = (typeof behalfChannels)[number];

/**
 * The organisation an input is entered for: one that exists (chosen by search), or one created on
 * the spot with the fewest fields — a group that wrote or phoned may have no e-mail address.
 */
export const behalfOrganisationSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("existing"), id: z.uuid() }),
  organisationSchema.pick({ name: true, country: true, type: true, locale: true }).extend({
    mode: z.literal("new"),
    contactEmail: z
      .email()
      .max(254)
      .optional()
      .or(z.literal("").transform(() => undefined)),
  }),
]);

/**
 * The anchors' form for an input received by e-mail, paper or voice: the organisation's own fields,
 * except that the contact person's e-mail may be unknown (a letter, a phone call).
 */
export const behalfSubmissionSchema = submissionContentSchema.extend({
  consultationId: z.uuid(),
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  channel: z.enum(behalfChannels, { error: "channelRequired" }),
  organisation: behalfOrganisationSchema,
  contactEmail: z
    .email()
    .max(254)
    .optional()
    .or(z.literal("").transform(() => undefined)),
});
export type BehalfSubmissionInput = z.infer<typeof behalfSubmissionSchema>;

/** The anchors' search for the organisation (a GET form: name, page). */
export const organisationSearchSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).optional().catch(undefined),
});
