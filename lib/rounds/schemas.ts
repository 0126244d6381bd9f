// The secretariat's forms on rounds, their consultations and their topics: one schema each, used by
// the forms (react-hook-form) and by the server actions alike. Error keys are in "validation".
import * as z from "zod/mini";
import { ROUND_STATUSES } from "@/db/enums";

export { ROUND_STATUSES };
import { countryCodes } from "@/lib/i18n/countries";
import { optionalOrBlank } from "@/lib/zod";
import { inPersonCapacity, localDateTime } from "@/lib/consultations/schemas";

const name = (max = 300) => z.string().check(z.trim(), z.minLength(1, { error: "required" }), z.maxLength(max));
/** One name per UI language (en, fr, es, ar), every one required. */
const names = (max?: number) => z.object({ en: name(max), fr: name(max), es: name(max), ar: name(max) });
const version = z.coerce.number().check(z.int(), z.positive());
const isTimeZone = (v: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: v });
    return true;
  } catch {
    return false;
  }
};

const checkbox = () =>
  z.pipe(
    z.optional(z.union([z.boolean(), z.string()])),
    z.transform((v) => v === true || v === "on" || v === "true"),
  );

/** A slug or code: trimmed, one case, 2 to `max` characters of `pattern`; one message for all. */
const identifier = (pattern: RegExp, max: number, error: string, toCase: typeof z.toLowerCase) =>
  z
    .string()
    .check(z.trim(), toCase(), z.minLength(2, { error }), z.maxLength(max, { error }), z.regex(pattern, { error }));

export const ROUND_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const CONSULTATION_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const CONSULTATION_CODE = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;

/**
 * Changes made under the round's version (lib/rounds/shared.ts changeRound): its own fields, its
 * consultations and its topics; two secretariat members editing one round conflict.
 */
const underRound = { roundId: z.uuid(), version };

const roundFields = {
  names: names(200),
  startsOn: z.iso.date({ error: "date" }),
  endsOn: z.iso.date({ error: "date" }),
};
const datesOrdered = () =>
  z.refine<{ startsOn: string; endsOn: string }>((v) => v.endsOn >= v.startsOn, {
    path: ["endsOn"],
    error: "endBeforeStart",
  });

export const createRoundSchema = z
  .object({
    slug: identifier(ROUND_SLUG, 20, "roundSlug", z.toLowerCase),
    ...roundFields,
    // A round to copy consultations (with their anchors) and topics from; blank: start empty.
    copyFrom: optionalOrBlank(z.uuid()),
    // A checkbox: ticked ("on") appoints the copied consultations' anchors to the new ones.
    copyAnchors: checkbox(),
    // Ticked: the round's topics (and headings) are copied too; else the new round starts without topics.
    copyTopics: checkbox(),
  })
  .check(datesOrdered());
export type CreateRoundInput = z.infer<typeof createRoundSchema>;

export const updateRoundSchema = z
  .object({
    ...underRound,
    ...roundFields,
    status: z.enum(ROUND_STATUSES),
  })
  .check(datesOrdered());
export type UpdateRoundInput = z.infer<typeof updateRoundSchema>;

export const addConsultationSchema = z
  .object({
    ...underRound,
    slug: identifier(CONSULTATION_SLUG, 60, "consultationSlug", z.toLowerCase),
    code: identifier(CONSULTATION_CODE, 20, "consultationCode", z.toUpperCase),
    region: name(120),
    city: name(120),
    country: z.enum(countryCodes, { error: "country" }),
    startsOn: z.iso.date({ error: "date" }),
    endsOn: z.iso.date({ error: "date" }),
    timeZone: z.string().check(z.trim(), z.refine(isTimeZone, { error: "timeZone" })),
    anchors: z.string().check(z.trim(), z.maxLength(500)),
    inPersonCapacity,
    registrationDeadline: localDateTime,
    submissionDeadline: localDateTime,
  })
  .check(datesOrdered());
export type AddConsultationInput = z.infer<typeof addConsultationSchema>;

const topicId = z.coerce.number().check(z.int(), z.gte(1), z.lte(32767));
const groupId = z.pipe(
  z.optional(z.union([z.uuid(), z.literal("")])),
  z.transform((v) => v || null),
);

export const addTopicSchema = z.object({ ...underRound, names: names(400), groupId });
export type AddTopicInput = z.infer<typeof addTopicSchema>;
export const renameTopicSchema = z.object({
  ...underRound,
  topicId,
  names: names(400),
});
export type RenameTopicInput = z.infer<typeof renameTopicSchema>;
export const moveTopicSchema = z.object({
  ...underRound,
  topicId,
  direction: z.enum(["up", "down"]),
});
export type MoveTopicInput = z.infer<typeof moveTopicSchema>;
export const groupTopicSchema = z.object({
  ...underRound,
  topicId,
  groupId,
});
export type GroupTopicInput = z.infer<typeof groupTopicSchema>;
export const deleteTopicSchema = z.object({
  ...underRound,
  topicId,
});
export type DeleteTopicInput = z.infer<typeof deleteTopicSchema>;
export const addTopicGroupSchema = z.object({ ...underRound, names: names(300) });
export type AddTopicGroupInput = z.infer<typeof addTopicGroupSchema>;

/** Where a consultation takes place and who anchors it (its dates, deadlines and seats: lib/consultations/schemas). */
export const consultationDetailsSchema = z.object({
  consultationId: z.uuid(),
  version,
  region: name(120),
  city: name(120),
  country: z.enum(countryCodes, { error: "country" }),
  timeZone: z.string().check(z.trim(), z.refine(isTimeZone, { error: "timeZone" })),
  anchors: z.string().check(z.trim(), z.maxLength(500)),
});
export type ConsultationDetailsInput = z.infer<typeof consultationDetailsSchema>;
