"use server";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions";
import { submitOnBehalf } from "@/lib/submissions";
import { uploadedFiles } from "@/lib/submissions/files";
import * as z from "zod/mini";
import { behalfSubmissionSchema, SUBMISSION_ARRAY_FIELDS } from "@/lib/submissions/schemas";
import { optionalOrIgnored, slug } from "@/lib/zod";

/** An anchor enters an input received by e-mail, paper or voice; lib/ checks they moderate the consultation. */
export const enterOnBehalfAction = formAction({
  // The page's slug comes back in a hidden field, only to go back to its queue.
  schema: z.extend(behalfSubmissionSchema, { slug: optionalOrIgnored(slug()) }),
  arrays: SUBMISSION_ARRAY_FIELDS,
  run: async ({ actor, input, locale, formData }) => {
    const { slug: back, ...entered } = input;
    const r = await submitOnBehalf({ actor, input: entered, files: await uploadedFiles(formData) });
    redirect(`/${locale}/moderation/${back ?? "all"}/submissions/${r.id}?ok=enteredOnBehalf`);
  },
});
