import * as z from "zod/mini";
import { optionalOrBlank } from "@/lib/zod";
import { locales } from "@/lib/i18n/config";

export const signInSchema = z.object({
  email: z.email().check(z.maxLength(254)),
  // Where to go after signing in: a path inside this site only.
  next: optionalOrBlank(z.string().check(z.regex(/^\/(?!\/)[^\s\\]*$/), z.maxLength(500))),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const preferencesSchema = z.object({
  name: z.optional(z.string().check(z.trim(), z.maxLength(120))),
  locale: z.enum(locales),
});
export type PreferencesInput = z.infer<typeof preferencesSchema>;
