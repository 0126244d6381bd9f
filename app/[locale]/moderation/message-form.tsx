"use client";
// A moderator's message form (request changes, reject, internal note): the same zod schema as the
// server, the text kept on any error (a conflict included), success confirmed in place.
import { FormErrorSummary, SubmitButton, TextField } from "@/components/form/fields";
import { useSchemaForm } from "@/components/form/use-schema-form";
import { idle } from "@/lib/form-state";
import { moderationActionSchema, noteSchema } from "@/lib/moderation/schemas";
import { addNoteAction, moderateMessageAction } from "./actions";

export function MessageForm({
  kind,
  submissionId,
  version,
  slug,
  label,
  submitLabel,
  successText,
}: {
  kind: "requestChanges" | "reject" | "note";
  submissionId: string;
  version: number;
  slug: string;
  label: string;
  submitLabel: string;
  successText: string;
}) {
  const field = kind === "requestChanges" ? "message" : kind === "reject" ? "reason" : "body";
  const f = useSchemaForm(
    kind === "note" ? noteSchema : moderationActionSchema,
    kind === "note" ? addNoteAction : moderateMessageAction,
    idle,
  );
  return (
    <form action={f.formAction} onSubmit={f.onSubmit} noValidate className="mt-2" data-testid={`form-${kind}`}>
      <FormErrorSummary f={f} labels={{ [field]: label }} />
      {f.state.status === "success" ? (
        <p role="status" className="mb-2 rounded border border-green-700 bg-green-50 p-2 text-green-900">
          {successText}
        </p>
      ) : null}
      <input type="hidden" value={submissionId} {...f.register("submissionId")} />
      {kind !== "note" ? (
        <>
          <input type="hidden" value={kind} {...f.register("action")} />
          <input type="hidden" value={version} {...f.register("version")} />
          <input type="hidden" name="slug" value={slug} />
        </>
      ) : null}
      <TextField
        name={field}
        label={label}
        multiline
        dir="auto"
        errors={f.errorsFor(field)}
        registration={{ ...f.register(field), name: field }}
        defaultValue={f.value(field)}
      />
      <SubmitButton label={submitLabel} pending={f.pending} />
    </form>
  );
}
