"use server";
import { buttonAction } from "@/lib/actions";
import { decideRegistration } from "@/lib/registrations";
import { registrationDecisionSchema } from "@/lib/registrations/schemas";
import * as z from "zod/mini";

export const decideRegistrationAction = buttonAction({
  schema: z.extend(registrationDecisionSchema, {
    slug: z.string().check(z.maxLength(60)),
    back: z.optional(z.string().check(z.maxLength(500))),
  }),
  back: (raw, locale) =>
    `/${locale}/moderation/${typeof raw.slug === "string" ? encodeURIComponent(raw.slug) : ""}/registrations`,
  run: async ({ actor, input, locale }) => {
    await decideRegistration({ actor, input });
    // Back to the same filtered view (a path inside this page only).
    const base = `/${locale}/moderation/${input.slug}/registrations`;
    const to = input.back && input.back.startsWith(base) ? input.back : base;
    return { to, ok: "registrationDecided" };
  },
});
