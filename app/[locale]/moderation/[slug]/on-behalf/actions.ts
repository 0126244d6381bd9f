"use server";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions";
import { submitOnBehalf } from "@/lib/submissions";
import { uploadedFiles } from "@/lib/submissions/files";
import { behalfSubmissionSchema } from "@/lib/submissions/schemas";

/** An anchor enters an input received by e-mail, paper or voice; lib/ checks they moderate the consultation. */
export const enterOnBehalfAction = formAction({
  schema: behalfSubmissionSchema,
  arrays: ["themes", "recommendations", "countries"],
  run: async ({ actor, input, locale, formData }) => {
    const r = await submitOnBehalf({ actor, input, files: await uploadedFiles(formData) });
    const slug = formData.get("slug");
    redirect(`/${locale}/moderation/${typeof slug === "string" ? encodeURIComponent(slug) : "all"}/submissions/${r.id}?ok=enteredOnBehalf`);
  },
});
