import * as z from "zod/mini";
import "@/lib/zod";
import { ORGANISATION_TYPES } from "@/db/enums";
import { locales } from "@/lib/i18n/config";
import { countryCodes } from "@/lib/i18n/countries";
import { regionLanguageCodes } from "@/lib/i18n/languages";

// For pages and forms, which do not reach db/ themselves.
export { ORGANISATION_TYPES };

// Languages an organisation may say it works in (ISO 639-1); names come from Intl.DisplayNames.
export const workingLanguageCodes = [...regionLanguageCodes, "wo", "qu", "fj"] as const;

const optionalText = (max: number) =>
  z.pipe(
    z.optional(z.string().check(z.trim(), z.maxLength(max))),
    z.transform((v) => (v ? v : undefined)),
  );

export const organisationSchema = z.object({
  // Messages named by key (lib/validation.ts): each says what to do about this field.
  name: z
    .string({ error: "organisationName" })
    .check(z.trim(), z.minLength(2, { error: "organisationName" }), z.maxLength(200)),
  acronym: optionalText(30),
  country: z.enum(countryCodes, { error: "organisationCountry" }),
  city: optionalText(100),
  // "example.org" is read as "https://example.org": people type addresses as they say them.
  website: z.pipe(
    z.pipe(
      optionalText(300),
      z.transform((v) => (v && !/^[a-z][a-z0-9+.-]*:(?!\d)/i.test(v) ? `https://${v.replace(/^\/+/, "")}` : v)),
    ),
    z.optional(z.url({ protocol: /^https?$/, hostname: /\./ })),
  ),
  type: z.enum(ORGANISATION_TYPES, { error: "organisationType" }),
  workingLanguages: z
    .array(z.enum(workingLanguageCodes))
    .check(z.minLength(1, { error: "workingLanguages" }), z.maxLength(10)),
  contactEmail: z.email({ error: "contactEmail" }).check(z.maxLength(254)),
  locale: z.enum(locales),
});
export type OrganisationInput = z.infer<typeof organisationSchema>;

export const inviteMemberSchema = z.object({
  organisationId: z.uuid(),
  email: z.email().check(z.maxLength(254)),
  role: z._default(z.enum(["member", "owner"]), "member"),
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
      confirmName: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
    })
    .check(
      z.refine(
        (v) => expectedName === undefined || v.confirmName.normalize("NFC") === expectedName.trim().normalize("NFC"),
        {
          path: ["confirmName"],
          error: "nameMismatch",
        },
      ),
    );
export type DeleteOrganisationInput = z.infer<ReturnType<typeof deleteOrganisationSchema>>;
