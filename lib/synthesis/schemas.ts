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
  citations: z._default(z.array(z.uuid()).check(z.maxLength(SYNTHESIS_LIMITS.citations)), []),
});

/** A theme's section, saved whole from the version it was loaded at. Empty paragraphs are dropped. */
export const sectionSchema = z.object({
  consultationId: z.uuid(),
  themeId: z.coerce.number().check(z.int(), z.gte(1), z.lte(32767)),
  version: z.coerce.number().check(z.int(), z.gte(0)),
  items: z.pipe(
    z._default(z.array(contributionItemSchema), []),
    z.transform((items) => items.filter((i) => i.text.length > 0)),
  ),
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
  .check(
    z.refine((v) => v.step !== "return" || !!v.comment, { path: ["comment"], error: "required" }),
  );
export type ContributionStepInput = z.infer<typeof contributionStepSchema>;

/** "Read, not cited": the anchor has read the input and says why it is not cited. */
export const readNotCitedSchema = z.object({
  consultationId: z.uuid(),
  submissionId: z.uuid(),
  note: z._default(z.string().check(z.trim(), z.maxLength(SYNTHESIS_LIMITS.note)), ""),
  clear: z._default(z.stringbool(), false),
});
export type ReadNotCitedInput = z.infer<typeof readNotCitedSchema>;
