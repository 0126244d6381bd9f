import * as z from "zod";
import "@/lib/zod";
import { countryCodes } from "@/lib/i18n/countries";

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
