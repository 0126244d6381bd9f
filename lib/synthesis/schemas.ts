// The forms of the region's contribution (lib/synthesis): one schema each, shared by the anchors'
// pages and the server actions. zod/mini, like every form schema (lib/zod.ts says why).
import * as z from "zod/mini";
import { CONTRIBUTION_ITEM_KINDS } from "@/db/enums";
import { optionalOrBlank } from "@/lib/zod";

export const SYNTHESIS_LIMITS = { items: 40, text: 5000, citations: 300, note: 1000, comment: 4000 } as const;

// Browsers send textarea line breaks as CRLF; the text is stored with "\n".
const paragraph = z.pipe(
  z.pipe(
    z.string(),
    z.transform((v) => v.replace(/\r\n?/g, "\n").trim()),
  ),
  z.string().check(z.maxLength(SYNTHESIS_LIMITS.text)),
);

export const contributionItemSchema = z.object({
  kind: z.enum(CONTRIBUTION_ITEM_KINDS),
  text: paragraph,
  // Inputs already cited (ticked boxes).
  // (One ticked box arrives as a single value.)
  citations: z._default(
    z.pipe(
      z.union([z.uuid(), z.array(z.uuid()).check(z.maxLength(SYNTHESIS_LIMITS.citations))]),
      z.transform((v) => (Array.isArray(v) ? v : [v])),
    ),
    [],
  ),
  // More inputs to cite, by reference ("ASIA-0004, ASIA-0012"): a plain field that works without JavaScript.
  add: z._default(z.string().check(z.trim(), z.maxLength(2000)), ""),
});

/** A theme's section, saved whole from the version it was loaded at. Empty paragraphs are dropped. */
/** Splits "ASIA-0004, asia-0012 PAC-2025-0001" into references, upper-cased. */
export const referencesIn = (s: string): string[] => [
  ...new Set(
    s
      .toUpperCase()
      .split(/[\s,;]+/)
      .filter((r) => /^[A-Z]{2,8}(-\d{4})?-\d{4,}$/.test(r)),
  ),
];
/** The tokens of `s` that are not references. */
export const notReferencesIn = (s: string): string[] =>
  s
    .toUpperCase()
    .split(/[\s,;]+/)
    .filter((r) => r && !/^[A-Z]{2,8}(-\d{4})?-\d{4,}$/.test(r));
export const sectionSchema = z.object({
  consultationId: z.uuid(),
  themeId: z.coerce.number().check(z.int(), z.gte(1), z.lte(32767)),
  version: z.coerce.number().check(z.int(), z.gte(0)),
  items: z.pipe(
    z._default(z.array(contributionItemSchema).check(z.maxLength(SYNTHESIS_LIMITS.items)), []),
    z.transform((items) => items.filter((i) => i.text.length > 0)),
  ),
  // "search": save, then show the inputs matching `q` to cite (the page's finder).
  intent: z._default(z.enum(["save", "search"]), "save"),
  q: z._default(z.string().check(z.trim(), z.maxLength(200)), ""),
});
export type SectionInput = z.infer<typeof sectionSchema>;

export const CONTRIBUTION_STEPS = ["submit", "return", "finalise"] as const;
export type ContributionStep = (typeof CONTRIBUTION_STEPS)[number];

/** A step of the workflow; returning it to the anchors needs a comment saying why. */
export const contributionStepSchema = z
  .object({
    consultationId: z.uuid(),
    version: z.coerce.number().check(z.int(), z.gte(1)),
    step: z.enum(CONTRIBUTION_STEPS),
    comment: optionalOrBlank(z.string().check(z.trim(), z.maxLength(SYNTHESIS_LIMITS.comment))),
  })
  .check(z.refine((v) => v.step !== "return" || !!v.comment, { path: ["comment"], error: "required" }));
export type ContributionStepInput = z.infer<typeof contributionStepSchema>;

/** "Read, not cited": the anchor has read the input and says why it is not cited. */
export const readNotCitedSchema = z.object({
  consultationId: z.uuid(),
  submissionId: z.uuid(),
  note: z._default(z.string().check(z.trim(), z.maxLength(SYNTHESIS_LIMITS.note)), ""),
  clear: z._default(z.stringbool(), false),
});
export type ReadNotCitedInput = z.infer<typeof readNotCitedSchema>;
