"use client";
// The input form. One zod schema with the server; works as a plain form post without JavaScript.
// With JavaScript: autosave to the server and saving again when the connection returns
// (components/form/use-autosave), a copy of unsent text in this browser offered back after a reload
// or a failed request (components/form/use-browser-copy).
import { useTranslations } from "next-intl";
import { startTransition, useCallback, useEffect, useRef, type FormEvent } from "react";
import { FormErrorSummary, SubmitButton } from "@/components/form/fields";
import { RestoreBanner } from "@/components/form/restore-banner";
import { useAutosave } from "@/components/form/use-autosave";
import { formSnapshot, useBrowserCopy, writeFormValues } from "@/components/form/use-browser-copy";
import { useSchemaForm } from "@/components/form/use-schema-form";
import {
  contentDefaults,
  SubmissionContentFields,
  useSubmissionFieldLabels,
  type Option,
} from "@/components/submission-fields";
import { ENHANCED, type FormState } from "@/lib/form-state";
import { SUBMISSION_ARRAY_FIELDS } from "@/lib/submissions/fields";
import { autosaveDraftAction, editSubmissionAction, saveSubmissionAction } from "./actions";

const ARRAYS: readonly string[] = SUBMISSION_ARRAY_FIELDS;

export function SubmissionForm({
  mode,
  initial,
  themes,
  countries,
  languages,
  storageKey,
  attachmentSlots,
}: {
  mode: "new" | "edit";
  initial: FormState;
  themes: Option[];
  countries: Option[];
  languages: Option[];
  /** Where this form instance keeps its unsent copy in localStorage. */
  storageKey: string;
  attachmentSlots: number;
}) {
  const t = useTranslations("submission");
  const tf = useTranslations("form");
  // The browser checks what the person typed; the hidden envelope (ids, version, key) is the server's.
  const f = useSchemaForm(
    // zod and the schema arrive after the page has hydrated (use-schema-form).
    () => import("@/lib/submissions/schemas").then((m) => m.submissionContentSchema),
    mode === "new" ? saveSubmissionAction : editSubmissionAction,
    initial,
    (state) => contentDefaults(state.values ?? initial.values ?? {}),
  );
  const formRef = useRef<HTMLFormElement>(null);
  const snapshot = useCallback(() => formSnapshot(formRef.current), []);
  const copy = useBrowserCopy({
    storageKey,
    formRef,
    arrays: ARRAYS,
    submissionId: String(initial.values?.submissionId ?? ""),
  });
  const autosave = useAutosave({
    enabled: mode === "new",
    snapshot,
    saved: {
      submissionId: String(f.state.data?.id ?? initial.values?.submissionId ?? ""),
      version: String(f.state.data?.version ?? initial.values?.version ?? "0"),
    },
    save: autosaveDraftAction,
    onSaved: copy.forget,
  });
  const { ids, idsRef } = autosave;

  // Once the draft exists, a reload continues it (the address names it).
  useEffect(() => {
    if (mode !== "new" || !ids.submissionId) return;
    const u = new URL(window.location.href);
    if (u.searchParams.get("draft") !== ids.submissionId) {
      u.searchParams.set("draft", ids.submissionId);
      window.history.replaceState(window.history.state, "", u);
    }
  }, [mode, ids.submissionId]);

  // Saved on the server: the browser's copy is no longer needed.
  const { markClean } = autosave;
  const { forget } = copy;
  useEffect(() => {
    if (f.state.status === "success") {
      markClean();
      forget();
    }
  }, [f.state, markClean, forget]);

  const onChange = () => {
    autosave.changed();
    copy.keep();
  };

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    autosave.cancel();
    copy.keep();
    const el = e.currentTarget;
    // Send with the newest draft version, after any autosave still on its way.
    const send = async () => {
      await autosave.settled();
      const fd = new FormData(el, submitter);
      fd.set(ENHANCED, "1");
      fd.set("submissionId", idsRef.current.submissionId);
      fd.set("version", idsRef.current.version);
      startTransition(() => f.formAction(fd));
    };
    if (submitter?.value === "draft") {
      e.preventDefault();
      void send();
      return;
    }
    // Submit: the browser checks with the same schema first; the server checks again.
    void f.form.handleSubmit(send)(e);
  };

  const applyRestore = () => {
    if (!copy.offered || !formRef.current) return;
    writeFormValues(formRef.current, copy.offered.values, (name, values) => {
      // Tell react-hook-form too, in the shape it registered the fields.
      if (name === "recommendations") values.forEach((r, i) => f.form.setValue(`recommendations.${i}`, r));
      else if (ARRAYS.includes(name)) f.form.setValue(name, values);
      else f.form.setValue(name, values[0] ?? "");
    });
    copy.restored();
    autosave.markDirty();
  };

  const v = f.value;
  const labels = useSubmissionFieldLabels();

  return (
    <form
      ref={formRef}
      action={f.formAction}
      onSubmit={onSubmit}
      onChange={onChange}
      noValidate
      encType="multipart/form-data"
    >
      {/* Enter in a field must not send the input: the first submit button saves a draft. */}
      {mode === "new" ? (
        <button
          type="submit"
          name="intent"
          value="draft"
          tabIndex={-1}
          aria-hidden="true"
          className="absolute -start-[9999px]"
        />
      ) : null}
      {copy.offered ? <RestoreBanner copy={copy.offered} onRestore={applyRestore} onDiscard={copy.discard} /> : null}
      <FormErrorSummary f={f} labels={labels} />
      {f.state.status === "success" && mode === "new" ? (
        <p role="status" className="mb-4 rounded border border-green-700 bg-green-50 p-3 text-green-900">
          {tf("saved")}
        </p>
      ) : null}
      <input type="hidden" name="consultationId" defaultValue={v("consultationId")} />
      <input type="hidden" name="organisationId" defaultValue={v("organisationId")} />
      <input type="hidden" name="idempotencyKey" defaultValue={v("idempotencyKey")} />
      <input type="hidden" name="submissionId" value={ids.submissionId} readOnly />
      <input type="hidden" name="version" value={ids.version} readOnly />

      <SubmissionContentFields
        f={f}
        labels={labels}
        themes={themes}
        countries={countries}
        languages={languages}
        attachmentSlots={attachmentSlots}
      />

      {autosave.note ? (
        <p role="status" className="mb-4 text-sm" data-testid="autosave-status">
          {autosave.note}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        {mode === "new" ? (
          <>
            <button
              type="submit"
              name="intent"
              value="draft"
              className="rounded border border-brand px-5 py-2 font-semibold text-brand"
            >
              {t("saveDraft")}
            </button>
            <button
              type="submit"
              name="intent"
              value="submit"
              disabled={f.pending}
              className="rounded bg-brand px-5 py-2 font-semibold text-white disabled:opacity-60"
            >
              {t("submit")}
            </button>
          </>
        ) : (
          <SubmitButton label={t("saveEdit")} pending={f.pending} />
        )}
      </div>
    </form>
  );
}
