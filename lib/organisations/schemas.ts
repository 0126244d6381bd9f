import * as z from "zod";
import "@/lib/zod";
import { ORGANISATION_TYPES } from "@/db/enums";
import { locales } from "@/lib/i18n/config";
import { countryCodes } from "@/lib/i18n/countries";

// Languages an organisation may say it works in (ISO 639-1); names come from Intl.DisplayNames.
export const workingLanguageCodes = ["en", "fr", "es", "ar", "pt", "ru", "zh", "sw", "hi", "bn", "ur", "tl", "id", "th", "fa", "tr", "am", "ha", "wo", "qu", "fj"] as const;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

export const organisationSchema = z.object({
  name: z.string().trim().min(2).max(200),
  acronym: optionalText(30),
  country: z.enum(countryCodes),
  city: optionalText(100),
  website: z
    .string()
    .trim()
    .max(300)
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.url({ protocol: /^https?$/ }).optional()),
  type: z.enum(ORGANISATION_TYPES),
  workingLanguages: z.array(z.enum(workingLanguageCodes)).min(1).max(10),
  contactEmail: z.email().max(254),
  locale: z.enum(locales),
});
export type OrganisationInput = z.infer<typeof organisationSchema>;

export const inviteMemberSchema = z.object({
  organisationId: z.uuid(),
  email: z.email().max(254),
  role: z.enum(["member", "owner"]).default("member"),
  locale: z.enum(locales),
});
export type InviteMemberInput = z.infer<typeof inviteMemberSchema>;

/**
 * Deleting the organisation: its name typed again. With `expectedName` (the browser knows it) the
 * mismatch is caught before posting; the server compares with the stored name in lib/ either way.
 */
export const deleteOrganisationSchema = (expectedName?: string) =>
  z
    .object({
      organisationId: z.uuid(),
      confirmName: z.string().trim().min(1).max(200),
    })
    .refine((v) => expectedName === undefined || v.confirmName.normalize("NFC") === expectedName.trim().normalize("NFC"), {
      path: ["confirmName"],
      message: "nameMismatch",
    });
export type DeleteOrganisationInput = z.infer<ReturnType<typeof deleteOrganisationSchema>>;
