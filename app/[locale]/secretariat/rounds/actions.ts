"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import * as z from "zod/mini";
import { buttonAction, formAction } from "@/lib/actions";
import {
  addConsultation,
  addTopic,
  addTopicGroup,
  createRound,
  deleteTopic,
  groupTopic,
  importGcmObjectives,
  moveTopic,
  renameTopic,
  updateRound,
} from "@/lib/rounds";
import {
  ROUND_SLUG,
  addConsultationSchema,
  addTopicGroupSchema,
  addTopicSchema,
  createRoundSchema,
  deleteTopicSchema,
  groupTopicSchema,
  moveTopicSchema,
  renameTopicSchema,
  updateRoundSchema,
} from "@/lib/rounds/schemas";

// The round's page, named by the slug the form carries (checked: it only builds a path back).
const roundSlug = z.string().check(z.regex(ROUND_SLUG), z.maxLength(20));
const backTo = (raw: Record<string, unknown>, locale: string) =>
  `/${locale}/secretariat/rounds/${typeof raw.slug === "string" && ROUND_SLUG.test(raw.slug) ? raw.slug : ""}`;

export const createRoundAction = formAction({
  schema: createRoundSchema,
  run: async ({ actor, input, locale }) => {
    const { slug } = await createRound({ actor, input });
    revalidatePath(`/${locale}`, "layout");
    redirect(`/${locale}/secretariat/rounds/${slug}?ok=roundCreated`);
  },
});

export const updateRoundAction = formAction({
  schema: updateRoundSchema,
  run: async ({ actor, input, locale }) => {
    const { slug } = await updateRound({ actor, input });
    revalidatePath(`/${locale}`, "layout");
    redirect(`/${locale}/secretariat/rounds/${slug}?ok=roundSaved`);
  },
});

export const addConsultationAction = formAction({
  schema: z.extend(addConsultationSchema, { roundSlug }),
  run: async ({ actor, input, locale }) => {
    await addConsultation({ actor, input });
    revalidatePath(`/${locale}`, "layout");
    redirect(`/${locale}/secretariat/rounds/${input.roundSlug}?ok=consultationAdded`);
  },
});

export const addTopicAction = formAction({
  schema: z.extend(addTopicSchema, { roundSlug }),
  run: async ({ actor, input, locale }) => {
    await addTopic({ actor, input });
    redirect(`/${locale}/secretariat/rounds/${input.roundSlug}?ok=topicAdded#topics`);
  },
});

export const renameTopicAction = formAction({
  schema: z.extend(renameTopicSchema, { roundSlug }),
  run: async ({ actor, input, locale }) => {
    await renameTopic({ actor, input });
    redirect(`/${locale}/secretariat/rounds/${input.roundSlug}?ok=topicRenamed#topics`);
  },
});

export const addTopicGroupAction = formAction({
  schema: z.extend(addTopicGroupSchema, { roundSlug }),
  run: async ({ actor, input, locale }) => {
    await addTopicGroup({ actor, input });
    redirect(`/${locale}/secretariat/rounds/${input.roundSlug}?ok=groupAdded#topics`);
  },
});

export const moveTopicAction = buttonAction({
  schema: z.extend(moveTopicSchema, { slug: roundSlug }),
  back: backTo,
  run: async ({ actor, input, locale }) => {
    await moveTopic({ actor, input });
    return { to: `/${locale}/secretariat/rounds/${input.slug}`, ok: "topicMoved" };
  },
});

export const groupTopicAction = buttonAction({
  schema: z.extend(groupTopicSchema, { slug: roundSlug }),
  back: backTo,
  run: async ({ actor, input, locale }) => {
    await groupTopic({ actor, input });
    return { to: `/${locale}/secretariat/rounds/${input.slug}`, ok: "topicGrouped" };
  },
});

export const deleteTopicAction = buttonAction({
  schema: z.extend(deleteTopicSchema, { slug: roundSlug }),
  back: backTo,
  run: async ({ actor, input, locale }) => {
    await deleteTopic({ actor, input });
    return { to: `/${locale}/secretariat/rounds/${input.slug}`, ok: "topicDeleted" };
  },
});

export const importGcmObjectivesAction = buttonAction({
  schema: z.object({ roundId: z.uuid(), version: z.coerce.number().check(z.int(), z.positive()), slug: roundSlug }),
  back: backTo,
  run: async ({ actor, input, locale }) => {
    await importGcmObjectives({ actor, roundId: input.roundId, version: input.version });
    return { to: `/${locale}/secretariat/rounds/${input.slug}`, ok: "gcmImported" };
  },
});
