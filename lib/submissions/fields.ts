// The input form's fields and limits, declared once for the schemas (./schemas.ts), the server and the
// browser's form. No zod here: the form's first scripts import this, and its schema only after the
// page has hydrated (components/form/use-schema-form.ts).
import { PUBLICATIONS } from "@/db/enums";
import { regionLanguageCodes } from "@/lib/i18n/languages";

// For pages and forms, which do not reach db/ themselves.
export { PUBLICATIONS };

// Languages an input may be written in (ISO 639-1); "other" for anything else.
export const inputLanguages = [...regionLanguageCodes, "fj", "other"] as const;

export const LIMITS = {
  title: 200,
  summary: 1000,
  body: 20_000,
  recommendation: 500,
  recommendations: 5,
  countries: 30,
} as const;

/** The form fields that repeat (checkboxes, rows): FormData gives them as lists. */
export const SUBMISSION_ARRAY_FIELDS = ["themes", "recommendations", "countries"] as const;
