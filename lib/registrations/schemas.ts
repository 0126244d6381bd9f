import * as z from "zod";
import "@/lib/zod";
import { countryCodes } from "@/lib/i18n/countries";

/** An HTML checkbox: "on" (or "true") when ticked, absent when not. */
export const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

export const MAX_PARTICIPANTS = 20;

export const participantSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    title: optionalText(120),
    email: z.email().max(254),
    attendance: z.enum(["in_person", "remote"]),
    visaLetter: checkbox,
    nationality: z
      .enum(countryCodes)
      .optional()
      .or(z.literal("").transform(() => undefined)),
    accessibility: optionalText(500),
    interpretationLanguage: optionalText(60),
    dietary: optionalText(200),
    travelSupport: checkbox,
    travelSupportReason: optionalText(1000),
  })
  .superRefine((p, ctx) => {
    if (p.visaLetter && !p.nationality) ctx.addIssue({ code: "custom", path: ["nationality"], message: "nationalityForVisa" });
    if (p.visaLetter && p.attendance !== "in_person") ctx.addIssue({ code: "custom", path: ["visaLetter"], message: "visaOnlyInPerson" });
    if (p.travelSupport && !p.travelSupportReason) ctx.addIssue({ code: "custom", path: ["travelSupportReason"], message: "travelReasonRequired" });
  });
export type ParticipantInput = z.infer<typeof participantSchema>;

export const registrationSchema = z.object({
  consultationId: z.uuid(),
  organisationId: z.uuid(),
  // The version the form was loaded at (0 for a new registration): stale edits are refused.
  version: z.coerce.number().int().min(0),
  participants: z.array(participantSchema).min(1).max(MAX_PARTICIPANTS),
  consent: z.preprocess((v) => v === true || v === "on" || v === "true", z.literal(true, { message: "consentRequired" })),
});
export type RegistrationInput = z.infer<typeof registrationSchema>;

export const registrationDecisionSchema = z.object({
  registrationId: z.uuid(),
  version: z.coerce.number().int().positive(),
  status: z.enum(["confirmed", "waitlisted", "declined"]),
});
export type RegistrationDecisionInput = z.infer<typeof registrationDecisionSchema>;

export const registrationFiltersSchema = z.object({
  status: z.enum(["pending", "confirmed", "waitlisted", "declined", "withdrawn"]).optional().catch(undefined),
  attendance: z.enum(["in_person", "remote"]).optional().catch(undefined),
  need: z.enum(["visa", "travel", "accessibility", "interpretation", "dietary"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type RegistrationFilters = z.infer<typeof registrationFiltersSchema>;
