import * as z from "zod/mini";
import { optionalOrBlank, optionalOrIgnored } from "@/lib/zod";
import { countryCodes } from "@/lib/i18n/countries";
import { ATTENDANCE_MODES, REGISTRATION_STATUSES } from "@/db/enums";

// For pages and forms, which do not reach db/ themselves.
export { ATTENDANCE_MODES, REGISTRATION_STATUSES };
// The form's limits are declared once, without zod, for the browser's first scripts (./fields.ts).
export { MAX_PARTICIPANTS } from "./fields";
import { MAX_PARTICIPANTS } from "./fields";

const ticked = z.transform((v) => v === true || v === "on" || v === "true");
/** An HTML checkbox: "on" (or "true") when ticked, absent when not. */
export const checkbox = z.pipe(ticked, z.boolean());

const optionalText = (max: number) =>
  z.pipe(
    z.optional(z.string().check(z.trim(), z.maxLength(max))),
    z.transform((v) => (v ? v : undefined)),
  );

export const participantSchema = z
  .object({
    name: z
      .string({ error: "participantName" })
      .check(z.trim(), z.minLength(1, { error: "participantName" }), z.maxLength(120)),
    title: optionalText(120),
    email: z.email({ error: "participantEmail" }).check(z.maxLength(254)),
    attendance: z.enum(ATTENDANCE_MODES),
    visaLetter: checkbox,
    nationality: optionalOrBlank(z.enum(countryCodes)),
    accessibility: optionalText(500),
    interpretationLanguage: optionalText(60),
    dietary: optionalText(200),
    travelSupport: checkbox,
    travelSupportReason: optionalText(1000),
  })
  .check(
    z.superRefine((p, ctx) => {
      if (p.visaLetter && !p.nationality)
        ctx.addIssue({ code: "custom", path: ["nationality"], message: "nationalityForVisa" });
      if (p.visaLetter && p.attendance !== "in_person")
        ctx.addIssue({ code: "custom", path: ["visaLetter"], message: "visaOnlyInPerson" });
      if (p.travelSupport && !p.travelSupportReason)
        ctx.addIssue({ code: "custom", path: ["travelSupportReason"], message: "travelReasonRequired" });
    }),
  );
export type ParticipantInput = z.infer<typeof participantSchema>;

export const registrationSchema = z.object({
  consultationId: z.uuid(),
  organisationId: z.uuid(),
  // The version the form was loaded at (0 for a new registration): stale edits are refused.
  version: z.coerce.number().check(z.int(), z.gte(0)),
  participants: z.array(participantSchema).check(z.minLength(1), z.maxLength(MAX_PARTICIPANTS)),
  consent: z.pipe(ticked, z.literal(true, { error: "consentRequired" })),
});
export type RegistrationInput = z.infer<typeof registrationSchema>;

export const registrationDecisionSchema = z.object({
  registrationId: z.uuid(),
  version: z.coerce.number().check(z.int(), z.positive()),
  status: z.enum(["confirmed", "waitlisted", "declined"]),
});
export type RegistrationDecisionInput = z.infer<typeof registrationDecisionSchema>;

// From the URL (shareable): anything malformed is ignored.
export const registrationFiltersSchema = z.object({
  status: optionalOrIgnored(z.enum(REGISTRATION_STATUSES)),
  attendance: optionalOrIgnored(z.enum(ATTENDANCE_MODES)),
  need: optionalOrIgnored(z.enum(["visa", "travel", "accessibility", "interpretation", "dietary"])),
  page: optionalOrIgnored(z.coerce.number().check(z.int(), z.gte(1), z.lte(10_000))),
});
export type RegistrationFilters = z.infer<typeof registrationFiltersSchema>;
