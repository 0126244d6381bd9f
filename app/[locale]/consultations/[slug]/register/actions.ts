"use server";
import { redirect } from "next/navigation";
import * as z from "zod/mini";
import { buttonAction, formAction } from "@/lib/actions";
import { consultationSlug } from "@/lib/consultations/queries";
import { saveRegistration, withdrawRegistration } from "@/lib/registrations";
import { applyRowIntent } from "@/lib/registrations/form-rows";
import { registrationSchema } from "@/lib/registrations/schemas";

export const saveRegistrationAction = formAction({
  schema: registrationSchema,
  intercept: (values) => {
    const changed = applyRowIntent(values);
    return changed ? { status: "idle", values: changed } : null;
  },
  run: async ({ actor, input, locale }) => {
    const r = await saveRegistration({ actor, input });
    const slug = await consultationSlug({ consultationId: input.consultationId });
    redirect(`/${locale}/consultations/${slug}/register?org=${input.organisationId}&ok=registration_${r.status}`);
  },
});

export const withdrawRegistrationAction = buttonAction({
  schema: z.object({
    registrationId: z.uuid(),
    version: z.coerce.number().check(z.int(), z.positive()),
    slug: z.string().check(z.maxLength(60)),
    organisationId: z.uuid(),
  }),
  back: (raw, locale) =>
    `/${locale}/consultations/${typeof raw.slug === "string" ? encodeURIComponent(raw.slug) : ""}/register`,
  run: async ({ actor, input, locale }) => {
    await withdrawRegistration({ actor, registrationId: input.registrationId, version: input.version });
    return {
      to: `/${locale}/consultations/${input.slug}/register?org=${input.organisationId}`,
      ok: "registrationWithdrawn",
    };
  },
});
