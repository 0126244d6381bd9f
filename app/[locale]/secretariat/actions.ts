"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import * as z from "zod/mini";
import { buttonAction, formAction } from "@/lib/actions";
import { inviteAnchor, removeAnchor, updateConsultation } from "@/lib/consultations/admin";
import { consultationEditSchema, inviteAnchorSchema } from "@/lib/consultations/schemas";
import { updateConsultationDetails } from "@/lib/rounds";
import { consultationDetailsSchema } from "@/lib/rounds/schemas";

export const updateConsultationAction = formAction({
  schema: consultationEditSchema,
  run: async ({ actor, input, locale }) => {
    const { slug, warnings } = await updateConsultation({ actor, input });
    revalidatePath(`/${locale}`, "layout");
    // A deadline that looks mistaken: back to the form, which shows the warning with the saved dates.
    redirect(
      warnings > 0
        ? `/${locale}/secretariat/consultations/${slug}?ok=consultationSaved`
        : `/${locale}/secretariat?ok=consultationSaved`,
    );
  },
});

export const inviteAnchorAction = formAction({
  schema: inviteAnchorSchema,
  run: async ({ actor, input }) => {
    await inviteAnchor({ actor, input });
    return { status: "success" };
  },
});

export const removeAnchorAction = buttonAction({
  schema: z.object({
    consultationId: z.uuid(),
    userId: z.string().check(z.minLength(1), z.maxLength(100)),
    slug: z.string().check(z.maxLength(60)),
  }),
  back: (raw, locale) =>
    `/${locale}/secretariat/consultations/${typeof raw.slug === "string" ? encodeURIComponent(raw.slug) : ""}`,
  run: async ({ actor, input, locale }) => {
    await removeAnchor({ actor, consultationId: input.consultationId, userId: input.userId });
    return { to: `/${locale}/secretariat/consultations/${input.slug}`, ok: "anchorRemoved" };
  },
});

export const updateConsultationDetailsAction = formAction({
  schema: consultationDetailsSchema,
  run: async ({ actor, input, locale }) => {
    await updateConsultationDetails({ actor, input });
    revalidatePath(`/${locale}`, "layout");
    redirect(`/${locale}/secretariat?ok=consultationSaved`);
  },
});
