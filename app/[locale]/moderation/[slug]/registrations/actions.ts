"use server";
import { buttonAction } from "@/lib/actions";
import { decideRegistration } from "@/lib/registrations";
import { registrationDecisionSchema } from "@/lib/registrations/schemas";
import { z } from "zod";

export const decideRegistrationAction = buttonAction({
  schema: registrationDecisionSchema.extend({ slug: z.string().max(60), back: z.string().max(500).optional() }),
  back: (raw, locale) => `/${locale}/moderation/${typeof raw.slug === "string" ? encodeURIComponent(raw.slug) : ""}/registrations`,
  run: async ({ actor, input, locale }) => {
    await decideRegistration({ actor, input });
    // Back to the same filtered view (a path inside this page only).
    const base = `/${locale}/moderation/${input.slug}/registrations`;
    const to = input.back && input.back.startsWith(base) ? input.back : base;
    return { to, ok: "registrationDecided" };
  },
});
