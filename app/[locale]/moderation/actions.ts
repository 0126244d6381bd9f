"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentActor, currentLocale } from "@/lib/actions";
import * as z from "zod/mini";
import { buttonAction, formAction } from "@/lib/actions";
import { addInternalNote, bulkModerate, moderate } from "@/lib/moderation/decisions";
import { bulkSchema, moderationActionSchema, noteSchema } from "@/lib/moderation/schemas";

const detailPath = (locale: string, slug: unknown, id: unknown) =>
  `/${locale}/moderation/${typeof slug === "string" ? encodeURIComponent(slug) : ""}/submissions/${typeof id === "string" ? encodeURIComponent(id) : ""}`;

const withSlug = <T extends z.ZodMiniType>(schema: T) =>
  z.intersection(schema, z.object({ slug: z.string().check(z.maxLength(60)) }));

/** Buttons and short forms on the detail page (accept, publish, mark duplicate, tag …). */
export const moderateButtonAction = buttonAction({
  schema: withSlug(moderationActionSchema),
  arrays: ["themes"],
  back: (raw, locale) => detailPath(locale, raw.slug, raw.submissionId),
  run: async ({ actor, input, locale }) => {
    await moderate({ actor, input });
    return { to: detailPath(locale, input.slug, input.submissionId), ok: `moderated_${input.action}` };
  },
});

/** Request changes / reject: a message the moderator types, kept on any error. */
export const moderateMessageAction = formAction({
  schema: withSlug(moderationActionSchema),
  run: async ({ actor, input, locale }) => {
    await moderate({ actor, input });
    // The page shows the new status and version.
    revalidatePath(detailPath(locale, input.slug, input.submissionId));
    return { status: "success" };
  },
});

export const addNoteAction = formAction({
  schema: noteSchema,
  run: async ({ actor, input, locale }) => {
    await addInternalNote({ actor, submissionId: input.submissionId, body: input.body });
    revalidatePath(`/${locale}/moderation`, "layout");
    return { status: "success" };
  },
});

const bulkRun = buttonAction({
  schema: withSlug(bulkSchema),
  arrays: ["selected"],
  back: (raw, locale) =>
    typeof raw.back === "string" && raw.back.startsWith(`/${locale}/moderation/`) ? raw.back : `/${locale}/moderation`,
  run: async ({ actor, input, locale }) => {
    const r = await bulkModerate({ actor, input });
    return { to: `/${locale}/moderation/${input.slug}?done=${r.done}&skipped=${r.skipped}`, ok: "bulkDoneCount" };
  },
});

const text = z.catch(z.optional(z.string()), undefined);
/** What the bulk form's first look reads, before the pipeline's own schema. */
const bulkFirstLook = z.object({ selected: z.array(z.unknown()), action: text, message: text, back: text });

/**
 * Bulk decisions. After the session check and before the pipeline, the two mistakes a person makes here get their own words
 * (nothing selected; no message for "request changes" or "do not accept") rather than "check the
 * fields"; the pipeline then checks the session, the schema and, in lib/, the scope.
 */
export async function bulkModerateAction(formData: FormData): Promise<void> {
  const locale = await currentLocale();
  if (!(await currentActor())) redirect(`/${locale}/sign-in`);
  const given = formData instanceof FormData ? formData : new FormData();
  const { selected, action, message, back } = bulkFirstLook.parse({
    selected: given.getAll("selected"),
    action: given.get("action") ?? undefined,
    message: given.get("message") ?? undefined,
    back: given.get("back") ?? undefined,
  });
  const error =
    selected.length === 0
      ? "bulkNoneSelected"
      : (action === "requestChanges" || action === "reject") && (message ?? "").trim() === ""
        ? "bulkMessageRequired"
        : null;
  if (error) {
    const u = new URL(back?.startsWith(`/${locale}/moderation/`) ? back : `/${locale}/moderation`, "http://x");
    u.searchParams.set("error", error);
    redirect(`${u.pathname}${u.search}`);
  }
  return bulkRun(given);
}
