import * as z from "zod/mini";
import { optionalOrIgnored, searchTerms, slug, topicId } from "@/lib/zod";
import { ORGANISATION_TYPES, SUBMISSION_STATUSES } from "@/db/enums";
import { isCalendarDate, parseKeysetCursor } from "@/lib/cursor";
import { countryCodes } from "@/lib/i18n/countries";
import { inputLanguages } from "@/lib/submissions/schemas";

// A real day (not 2017-13-01: an invalid Date would reach the query and fail there).
const isoDate = z.string().check(z.refine(isCalendarDate));

// Queue filters come from the URL (shareable, bookmarkable): anything malformed is ignored.
/** The statuses the queue lists and filters by (a draft is the organisation's own), and the organisation types. */
export const QUEUE_STATUSES = SUBMISSION_STATUSES.filter(
  (s): s is Exclude<(typeof SUBMISSION_STATUSES)[number], "draft"> => s !== "draft",
);
export { ORGANISATION_TYPES };

export const queueFiltersSchema = z.object({
  status: optionalOrIgnored(z.enum(QUEUE_STATUSES as [string, ...string[]])),
  theme: optionalOrIgnored(topicId()),
  country: optionalOrIgnored(z.enum(countryCodes)),
  orgType: optionalOrIgnored(z.enum(ORGANISATION_TYPES)),
  language: optionalOrIgnored(z.enum(inputLanguages)),
  // A consultation by its slug (the secretariat's view of all consultations).
  region: optionalOrIgnored(slug()),
  // A round by its slug (the secretariat's view of all consultations: one round at a time).
  round: optionalOrIgnored(z.string().check(z.regex(/^[a-z0-9-]{2,20}$/))),
  from: optionalOrIgnored(isoDate),
  to: optionalOrIgnored(isoDate),
  q: searchTerms(),
  sort: z._default(z.catch(z.enum(["newest", "oldest"]), "newest"), "newest"),
  // Keyset cursor: "<submittedAt ISO>_<id>" of the last row of the previous page.
  // A real instant and a real UUID: PostgreSQL casts both, and a malformed one would be a 500.
  after: optionalOrIgnored(z.string().check(z.refine((s) => parseKeysetCursor(s) !== null))),
});
export type QueueFilters = z.infer<typeof queueFiltersSchema>;

const base = z.object({ submissionId: z.uuid(), version: z.coerce.number().check(z.int(), z.positive()) });
const requiredText = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

export const moderationActionSchema = z.discriminatedUnion("action", [
  z.extend(base, { action: z.literal("accept") }),
  z.extend(base, { action: z.literal("requestChanges"), message: requiredText(4000) }),
  z.extend(base, { action: z.literal("reject"), reason: requiredText(4000) }),
  z.extend(base, {
    action: z.literal("markDuplicate"),
    duplicateOf: z
      .string()
      .check(z.trim(), z.regex(/^[A-Z0-9]{2,20}(?:-[A-Z0-9]{1,20})*-\d{4,}$/, { error: "invalidReference" })),
  }),
  z.extend(base, {
    action: z.literal("tag"),
    themes: z._default(z.array(topicId()).check(z.maxLength(6)), []),
    keywords: z.pipe(
      z._default(z.string().check(z.trim(), z.maxLength(300)), ""),
      z.transform((s) =>
        [
          ...new Set(
            s
              .split(",")
              .map((k) => k.trim().toLowerCase())
              .filter(Boolean),
          ),
        ].slice(0, 20),
      ),
    ),
  }),
  z.extend(base, { action: z.literal("publish") }),
  z.extend(base, { action: z.literal("unpublish") }),
]);
export type ModerationActionInput = z.infer<typeof moderationActionSchema>;

export const noteSchema = z.object({ submissionId: z.uuid(), body: requiredText(4000) });

export const BULK_ACTIONS = ["accept", "keyword", "requestChanges", "reject"] as const;

export const bulkSchema = z
  .object({
    consultationId: z.uuid(),
    action: z.enum(BULK_ACTIONS),
    keyword: z.optional(z.string().check(z.trim(), z.maxLength(60))),
    // Sent to each organisation: what to change (request changes), or why not (do not accept).
    message: z.optional(z.string().check(z.trim(), z.maxLength(4000))),
    // "<id>:<version>" of each selected row.
    selected: z.array(z.string().check(z.regex(/^[0-9a-f-]{36}:\d+$/))).check(z.minLength(1), z.maxLength(200)),
  })
  .check(
    z.refine((v) => (v.action !== "requestChanges" && v.action !== "reject") || (v.message ?? "").length > 0, {
      path: ["message"],
      error: "required",
    }),
    z.refine((v) => v.action !== "keyword" || (v.keyword ?? "").length > 0, { path: ["keyword"], error: "required" }),
  );
export type BulkInput = z.infer<typeof bulkSchema>;
