import * as z from "zod";
import "@/lib/zod";
import { locales } from "@/lib/i18n/config";

export const signInSchema = z.object({
  email: z.email().max(254),
  // Where to go after signing in: a path inside this site only.
  next: z
    .string()
    .regex(/^\/(?!\/)[^\s\\]*$/)
    .max(500)
    .optional()
    .or(z.literal("").transform(() => undefined)),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const preferencesSchema = z.object({
  name: z.string().trim().max(120).optional(),
  locale: z.enum(locales),
});
export type PreferencesInput = z.infer<typeof preferencesSchema>;
