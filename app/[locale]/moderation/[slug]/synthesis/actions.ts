"use server";
// The region's contribution: saving a theme's section (a form that keeps what was typed), and the
// one-button steps (submit, return with a comment, finalise; read, not cited). lib/synthesis
// authorises each: anchors of the consultation write, the secretariat returns and finalises.
import { redirect } from "next/navigation";
import * as z from "zod/mini";
import { buttonAction, formAction } from "@/lib/actions";
import { consultationSlug } from "@/lib/consultations/queries";
import { changeContributionStatus, saveSection } from "@/lib/synthesis";
import { markReadNotCited } from "@/lib/synthesis/coverage";
import { contributionStepSchema, readNotCitedSchema, sectionSchema } from "@/lib/synthesis/schemas";

const SLUG = /^[a-z0-9-]{1,60}$/;
const slugOf = (raw: Record<string, unknown>) => (typeof raw.slug === "string" && SLUG.test(raw.slug) ? raw.slug : "");

export const saveSectionAction = formAction({
  schema: sectionSchema,
  run: async ({ actor, input, locale }) => {
    await saveSection({ actor, input });
    const slug = await consultationSlug({ consultationId: input.consultationId });
    const q = input.intent === "search" ? `&q=${encodeURIComponent(input.q)}#finder` : "";
    redirect(`/${locale}/moderation/${slug}/synthesis/${input.themeId}?ok=sectionSaved${q}`);
  },
});

const OK = {
  submit: "contributionSubmitted",
  return: "contributionReturned",
  finalise: "contributionFinalised",
} as const;

export const contributionStepAction = buttonAction({
  schema: contributionStepSchema,
  back: (raw, locale) => `/${locale}/moderation/${slugOf(raw)}/synthesis`,
  run: async ({ actor, input, locale }) => {
    await changeContributionStatus({ actor, input });
    const slug = await consultationSlug({ consultationId: input.consultationId });
    return { to: `/${locale}/moderation/${slug}/synthesis`, ok: OK[input.step] };
  },
});

export const readNotCitedAction = buttonAction({
  schema: z.extend(readNotCitedSchema, { theme: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(32767))) }),
  back: (raw, locale) => `/${locale}/moderation/${slugOf(raw)}/synthesis/coverage`,
  run: async ({ actor, input, locale }) => {
    await markReadNotCited({ actor, input });
    const slug = await consultationSlug({ consultationId: input.consultationId });
    return {
      to: `/${locale}/moderation/${slug}/synthesis/coverage${input.theme ? `?theme=${input.theme}` : ""}`,
      ok: input.clear ? "readMarkCleared" : "readNotCited",
    };
  },
});
