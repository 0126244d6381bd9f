import { randomBytes } from "node:crypto";
import type { Submission } from "@/db/schema";
import type { FormValues } from "@/lib/validation";

export const newIdempotencyKey = () => randomBytes(24).toString("base64url");

/** A submission's fields as the form's values (what the server renders into the inputs). */
export function formValuesOf(
  s: Pick<
    Submission,
    | "title"
    | "themes"
    | "summary"
    | "body"
    | "recommendations"
    | "countries"
    | "language"
    | "contactName"
    | "contactEmail"
    | "publication"
  >,
): FormValues {
  return {
    title: s.title,
    themes: s.themes.map(String),
    summary: s.summary,
    body: s.body,
    recommendations: s.recommendations,
    countries: s.countries,
    language: s.language,
    contactName: s.contactName ?? "",
    contactEmail: s.contactEmail ?? "",
    publication: s.publication,
  };
}
