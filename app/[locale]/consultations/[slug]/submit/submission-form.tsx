"use client";
// The input form. One zod schema with the server; works as a plain form post without JavaScript.
// With JavaScript: autosave to the server, a copy of unsent text in this browser (offered back after
// a reload or a failed request), and saving again when the connection returns.
import { useFormatter, useTranslations } from "next-intl";
import { startTransition, useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { ErrorSummary, SubmitButton } from "@/components/form/fields";
import { useSchemaForm } from "@/components/form/use-schema-form";
import { contentDefaults, SubmissionContentFields, useSubmissionFieldLabels, type Option } from "@/components/submission-fields";
import { ENHANCED, type FormState } from "@/lib/form-state";
import { SUBMISSION_ARRAY_FIELDS, submissionContentSchema } from "@/lib/submissions/schemas";
import { formDataToObject } from "@/lib/validation";
import { autosaveDraftAction, editSubmissionAction, saveSubmissionAction } from "./actions";

const ARRAYS: readonly string[] = SUBMISSION_ARRAY_FIELDS;
const AUTOSAVE_MS = 4000;

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
  const format = useFormatter();
  // The browser checks what the person typed; the hidden envelope (ids, version, key) is the server's.
  const f = useSchemaForm(submissionContentSchema, mode === "new" ? saveSubmissionAction : editSubmissionAction, initial, (state) =>
    contentDefaults(state.values ?? initial.values ?? {}),
  );
  const formRef = useRef<HTMLFormElement>(null);
  // The draft's id and version: from the server's last answer (Save draft) or the last autosave,
  // whichever is newer (versions only grow).
  const [autoIds, setAutoIds] = useState<{ submissionId: string; version: string } | null>(null);
  const fromState = {
    submissionId: String(f.state.data?.id ?? initial.values?.submissionId ?? ""),
    version: String(f.state.data?.version ?? initial.values?.version ?? "0"),
  };
  const ids = autoIds && Number(autoIds.version) > Number(fromState.version) ? autoIds : fromState;
  // The same, readable at once by the submit handler (an autosave may finish just before it).
  const idsRef = useRef(ids);
  useEffect(() => {
    if (Number(ids.version) >= Number(idsRef.current.version)) idsRef.current = { submissionId: ids.submissionId, version: ids.version };
  }, [ids.submissionId, ids.version]);
  const inflight = useRef<Promise<void> | null>(null);
  const [saveNote, setSaveNote] = useState<string | null>(null);
  const [restore, setRestore] = useState<{ values: Record<string, string | string[]>; savedAt: number } | null>(null);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

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
  useEffect(() => {
    if (f.state.status === "success") {
      dirty.current = false;
      localStorage.removeItem(storageKey);
    }
  }, [f.state, storageKey]);

  // An unsent copy from an earlier visit: offer it back.
  useEffect(() => {
    try {
      const raw = localStorage.getItem(storageKey);
      const copy = raw ? (JSON.parse(raw) as { values: Record<string, string | string[]>; savedAt: number }) : null;
      // Only a copy of this draft (or of a form never saved to the server) is offered.
      const copyOf = copy?.values.submissionId ?? "";
      const current = String(initial.values?.submissionId ?? "");
      // Browser storage exists only after hydration, so this cannot be initial state.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      if (copy && (copyOf === current || copyOf === "")) setRestore(copy);
    } catch {
      // Private mode or a full quota: the server copy is still there.
    }
    // Only on first load.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [storageKey]);

  const snapshot = useCallback(() => {
    if (!formRef.current) return null;
    const fd = new FormData(formRef.current);
    fd.delete("attachments");
    return fd;
  }, []);

  const keepLocally = useCallback(() => {
    const fd = snapshot();
    if (!fd) return;
    try {
      localStorage.setItem(storageKey, JSON.stringify({ values: formDataToObject(fd, ARRAYS), savedAt: Date.now() }));
    } catch {
      // Nothing more we can do in the browser; the server save still runs.
    }
  }, [snapshot, storageKey]);

  const autosave = useCallback(async () => {
    if (mode !== "new" || !dirty.current) return;
    const fd = snapshot();
    if (!fd) return;
    fd.set("submissionId", idsRef.current.submissionId);
    fd.set("version", idsRef.current.version);
    const run = (async () => {
      try {
        const r = await autosaveDraftAction({ status: "idle" }, fd);
        if (r.status === "success" && r.data) {
          const next = { submissionId: String(r.data.id), version: String(r.data.version) };
          idsRef.current = next;
          setAutoIds(next);
          dirty.current = false;
          localStorage.removeItem(storageKey);
          setSaveNote(t("autosaved", { time: format.dateTime(new Date(), { timeStyle: "short" }) }));
        } else {
          setSaveNote(r.message ?? t("autosaveFailed"));
        }
      } catch {
        setSaveNote(t("autosaveFailed"));
      }
    })();
    inflight.current = run;
    await run;
    inflight.current = null;
  }, [mode, snapshot, storageKey, t, format]);

  // Save again when the connection comes back.
  useEffect(() => {
    const onOnline = () => void autosave();
    window.addEventListener("online", onOnline);
    return () => window.removeEventListener("online", onOnline);
  }, [autosave]);

  const onChange = () => {
    dirty.current = true;
    keepLocally();
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void autosave(), AUTOSAVE_MS);
  };

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (timer.current) clearTimeout(timer.current);
    keepLocally();
    const el = e.currentTarget;
    // Send with the newest draft version, after any autosave still on its way.
    const send = async () => {
      if (inflight.current) await inflight.current;
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
    if (!restore || !formRef.current) return;
    for (const [name, value] of Object.entries(restore.values)) {
      if (name === "submissionId" || name === "version" || name === "idempotencyKey") continue;
      const els = formRef.current.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(`[name="${CSS.escape(name)}"]`);
      const values = Array.isArray(value) ? value : [value];
      els.forEach((el, i) => {
        if (el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio")) el.checked = values.includes(el.value);
        else if (el instanceof HTMLSelectElement && el.multiple) for (const o of Array.from(el.options)) o.selected = values.includes(o.value);
        else el.value = values[i] ?? "";
      });
      // Tell react-hook-form too, in the shape it registered the fields.
      if (name === "recommendations") values.forEach((r, i) => f.form.setValue(`recommendations.${i}`, r));
      else if (ARRAYS.includes(name)) f.form.setValue(name, values);
      else f.form.setValue(name, values[0] ?? "");
    }
    setRestore(null);
    dirty.current = true;
  };

  const v = f.value;
  const labels = useSubmissionFieldLabels();

  return (
    <form ref={formRef} action={f.formAction} onSubmit={onSubmit} onChange={onChange} noValidate encType="multipart/form-data">
      {/* Enter in a field must not send the input: the first submit button saves a draft. */}
      {mode === "new" ? <button type="submit" name="intent" value="draft" tabIndex={-1} aria-hidden="true" className="absolute -start-[9999px]" /> : null}
      {restore ? (
        <div role="region" aria-labelledby="restore-title" className="mb-6 rounded border-2 border-amber-700 bg-amber-50 p-4" data-testid="restore-banner">
          <h2 id="restore-title" className="font-semibold">
            {t("restoreTitle")}
          </h2>
          <p>{t("restoreBody", { time: format.dateTime(new Date(restore.savedAt), { dateStyle: "medium", timeStyle: "short" }) })}</p>
          <p className="mt-2 flex gap-3">
            <button type="button" onClick={applyRestore} className="rounded bg-brand px-3 py-1 text-white">
              {t("restore")}
            </button>
            <button
              type="button"
              onClick={() => {
                localStorage.removeItem(storageKey);
                setRestore(null);
              }}
              className="underline"
            >
              {t("discard")}
            </button>
          </p>
        </div>
      ) : null}
      <ErrorSummary title={tf("errorSummaryTitle")} message={f.state.status === "error" ? f.state.message : undefined} errors={f.allErrors} labels={labels} />
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

      <SubmissionContentFields f={f} labels={labels} themes={themes} countries={countries} languages={languages} attachmentSlots={attachmentSlots} />

      {saveNote ? (
        <p role="status" className="mb-4 text-sm" data-testid="autosave-status">
          {saveNote}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        {mode === "new" ? (
          <>
            <button type="submit" name="intent" value="draft" className="rounded border border-brand px-5 py-2 font-semibold text-brand">
              {t("saveDraft")}
            </button>
            <button type="submit" name="intent" value="submit" disabled={f.pending} className="rounded bg-brand px-5 py-2 font-semibold text-white disabled:opacity-60">
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
