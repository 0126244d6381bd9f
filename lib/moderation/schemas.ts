import * as z from "zod";
import "@/lib/zod";
import { ORGANISATION_TYPES, SUBMISSION_STATUSES } from "@/db/enums";
import { isCalendarDate, parseKeysetCursor } from "@/lib/cursor";
import { countryCodes } from "@/lib/i18n/countries";
import { inputLanguages } from "@/lib/submissions/schemas";

// Queue filters come from the URL (shareable, bookmarkable): anything malformed is ignored, never a 500.
const loose = <T extends z.ZodType>(s: T) => s.optional().catch(undefined);
// A real day (not 2017-13-01: an invalid Date would reach the query and fail there).
const isoDate = z.string().refine(isCalendarDate);

export const queueFiltersSchema = z.object({
  status: loose(z.enum(SUBMISSION_STATUSES.filter((s) => s !== "draft") as [string, ...string[]])),
  theme: loose(z.coerce.number().int().min(1).max(6)),
  country: loose(z.enum(countryCodes)),
  orgType: loose(z.enum(ORGANISATION_TYPES)),
  language: loose(z.enum(inputLanguages)),
  from: loose(isoDate),
  to: loose(isoDate),
  // Control characters (NUL above all: PostgreSQL refuses it in text) are no search terms.
  q: loose(
    z
      .string()
      .max(1000)
      .transform((s) => s.replace(/\p{Cc}/gu, " ").trim())
      .pipe(z.string().min(1).max(200)),
  ),
  sort: z.enum(["newest", "oldest"]).catch("newest").default("newest"),
  // Keyset cursor: "<submittedAt ISO>_<id>" of the last row of the previous page.
  // A real instant and a real UUID: PostgreSQL casts both, and a malformed one would be a 500.
  after: loose(z.string().refine((s) => parseKeysetCursor(s) !== null)),
});
export type QueueFilters = z.infer<typeof queueFiltersSchema>;

const base = z.object({ submissionId: z.uuid(), version: z.coerce.number().int().positive() });

export const moderationActionSchema = z.discriminatedUnion("action", [
  base.extend({ action: z.literal("accept") }),
  base.extend({ action: z.literal("requestChanges"), message: z.string().trim().min(1).max(4000) }),
  base.extend({ action: z.literal("reject"), reason: z.string().trim().min(1).max(4000) }),
  base.extend({ action: z.literal("markDuplicate"), duplicateOf: z.string().trim().regex(/^[A-Z]{2,6}-\d{4,}$/, { message: "invalidReference" }) }),
  base.extend({
    action: z.literal("tag"),
    themes: z.array(z.coerce.number().int().min(1).max(6)).max(6).default([]),
    keywords: z
      .string()
      .trim()
      .max(300)
      .default("")
      .transform((s) => [...new Set(s.split(",").map((k) => k.trim().toLowerCase()).filter(Boolean))].slice(0, 20)),
  }),
  base.extend({ action: z.literal("publish") }),
  base.extend({ action: z.literal("unpublish") }),
]);
export type ModerationActionInput = z.infer<typeof moderationActionSchema>;

export const noteSchema = z.object({ submissionId: z.uuid(), body: z.string().trim().min(1).max(4000) });

export const bulkSchema = z.object({
  consultationId: z.uuid(),
  action: z.enum(["accept", "keyword"]),
  keyword: z.string().trim().max(60).optional(),
  // "<id>:<version>" of each selected row.
  selected: z.array(z.string().regex(/^[0-9a-f-]{36}:\d+$/)).min(1).max(200),
});
export type BulkInput = z.infer<typeof bulkSchema>;
