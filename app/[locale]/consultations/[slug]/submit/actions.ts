"use server";
import { redirect } from "next/navigation";
import * as z from "zod/mini";
import { buttonAction, formAction } from "@/lib/actions";
import { editSubmission, removeAttachment, saveDraft, submitSubmission, withdrawSubmission } from "@/lib/submissions";
import { consultationSlug } from "@/lib/consultations/queries";
import { uploadedFiles } from "@/lib/submissions/files";
import { ENHANCED } from "@/lib/form-state";
import { formDataToObject } from "@/lib/validation";
import {
  draftSchema,
  SUBMISSION_ARRAY_FIELDS,
  submissionContentSchema,
  submissionSchema,
} from "@/lib/submissions/schemas";

// "Save draft" checks only limits; "Submit" checks everything (the same schemas as the browser).
// A post without a button's intent (an old browser) is a submit.
const saveOrSubmitSchema = z.pipe(
  z.transform((v) => (v && typeof v === "object" && !("intent" in v) ? { ...v, intent: "submit" } : v)),
  z.discriminatedUnion("intent", [
    z.extend(draftSchema, { intent: z.literal("draft") }),
    z.extend(submissionSchema, { intent: z.literal("submit") }),
  ]),
);

export const saveSubmissionAction = formAction({
  schema: saveOrSubmitSchema,
  arrays: SUBMISSION_ARRAY_FIELDS,
  run: async ({ actor, input, locale, formData }) => {
    const files = await uploadedFiles(formData);
    if (input.intent === "draft") {
      const { id, version } = await saveDraft({ actor, input, files });
      // Files are now on the server: the draft's page lists them.
      if (files.length > 0) redirect(`/${locale}/submissions/${id}?ok=draftSaved`);
      // Without JavaScript the browser posted the form itself: back to the form continuing this
      // draft (its address names it, so a reload shows it too), never to a blank form.
      if (formData.get(ENHANCED) !== "1") {
        const slug = await consultationSlug({ consultationId: input.consultationId });
        redirect(`/${locale}/consultations/${slug}/submit?org=${input.organisationId}&draft=${id}&ok=draftSaved`);
      }
      // With JavaScript the form stays on screen as typed; its state keeps the values too.
      return { status: "success", data: { id, version }, values: formDataToObject(formData, SUBMISSION_ARRAY_FIELDS) };
    }
    const r = await submitSubmission({ actor, input, files });
    redirect(`/${locale}/submissions/${r.id}?ok=submitted`);
  },
});

/** Autosave, called by the browser every few seconds while someone types. */
export const autosaveDraftAction = formAction({
  schema: draftSchema,
  arrays: SUBMISSION_ARRAY_FIELDS,
  run: async ({ actor, input }) => {
    const { id, version } = await saveDraft({ actor, input });
    return { status: "success", data: { id, version } };
  },
});

export const editSubmissionAction = formAction({
  schema: z.extend(submissionContentSchema, {
    submissionId: z.uuid(),
    version: z.coerce.number().check(z.int(), z.positive()),
  }),
  arrays: SUBMISSION_ARRAY_FIELDS,
  run: async ({ actor, input: { submissionId, version, ...content }, locale, formData }) => {
    await editSubmission({ actor, submissionId, version, content, files: await uploadedFiles(formData) });
    redirect(`/${locale}/submissions/${submissionId}?ok=edited`);
  },
});

export const withdrawSubmissionAction = buttonAction({
  schema: z.object({ submissionId: z.uuid(), version: z.coerce.number().check(z.int(), z.positive()) }),
  back: (raw, locale) =>
    `/${locale}/submissions/${typeof raw.submissionId === "string" ? encodeURIComponent(raw.submissionId) : ""}`,
  run: async ({ actor, input, locale }) => {
    const r = await withdrawSubmission({ actor, ...input });
    return r === "discarded"
      ? { to: `/${locale}/submissions`, ok: "draftDiscarded" }
      : { to: `/${locale}/submissions/${input.submissionId}`, ok: "submissionWithdrawn" };
  },
});

export const removeAttachmentAction = buttonAction({
  schema: z.object({ attachmentId: z.uuid(), submissionId: z.uuid() }),
  back: (raw, locale) =>
    `/${locale}/submissions/${typeof raw.submissionId === "string" ? encodeURIComponent(raw.submissionId) : ""}`,
  run: async ({ actor, input, locale }) => {
    const id = await removeAttachment({ actor, attachmentId: input.attachmentId });
    return { to: `/${locale}/submissions/${id}`, ok: "attachmentRemoved" };
  },
});
