"use client";
// Autosave of a draft to the server: a few seconds after the last change, again when the connection
// comes back, and never two at once. It keeps the draft's id and version, newest first, for the
// form's hidden fields and for a submit that must wait for an autosave still on its way.
import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import type { FormState } from "@/lib/form-state";

export const AUTOSAVE_MS = 4000;

export interface DraftIds {
  submissionId: string;
  version: string;
}

export function useAutosave({
  enabled,
  snapshot,
  saved,
  save,
  onSaved,
}: {
  enabled: boolean;
  /** What the form holds now (null before it is mounted). */
  snapshot: () => FormData | null;
  /** The draft's id and version from the server's last answer to the form itself. */
  saved: DraftIds;
  save: (prev: FormState, fd: FormData) => Promise<FormState>;
  /** After each autosave the server took. */
  onSaved: () => void;
}) {
  const t = useTranslations("submission");
  const format = useFormatter();
  // From the server's last answer (Save draft) or the last autosave, whichever is newer (versions only grow).
  const [autoIds, setAutoIds] = useState<DraftIds | null>(null);
  const ids = autoIds && Number(autoIds.version) > Number(saved.version) ? autoIds : saved;
  // The same, readable at once by the submit handler (an autosave may finish just before it).
  const idsRef = useRef(ids);
  useEffect(() => {
    if (Number(ids.version) >= Number(idsRef.current.version))
      idsRef.current = { submissionId: ids.submissionId, version: ids.version };
  }, [ids.submissionId, ids.version]);
  const inflight = useRef<Promise<void> | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const autosave = useCallback(async () => {
    if (!enabled || !dirty.current) return;
    const fd = snapshot();
    if (!fd) return;
    fd.set("submissionId", idsRef.current.submissionId);
    fd.set("version", idsRef.current.version);
    const run = (async () => {
      try {
        const r = await save({ status: "idle" }, fd);
        if (r.status === "success" && r.data) {
          const next = { submissionId: String(r.data.id), version: String(r.data.version) };
          idsRef.current = next;
          setAutoIds(next);
          dirty.current = false;
          onSaved();
          setNote(t("autosaved", { time: format.dateTime(new Date(), { timeStyle: "short" }) }));
        } else {
          setNote(r.message ?? t("autosaveFailed"));
        }
      } catch {
        setNote(t("autosaveFailed"));
      }
    })();
    inflight.current = run;
    await run;
    inflight.current = null;
  }, [enabled, snapshot, save, onSaved, t, format]);

  // Save again when the connection comes back.
  useEffect(() => {
    const onOnline = () => void autosave();
    window.addEventListener("online", onOnline);
    return () => window.removeEventListener("online", onOnline);
  }, [autosave]);

  const changed = useCallback(() => {
    dirty.current = true;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void autosave(), AUTOSAVE_MS);
  }, [autosave]);
  const markDirty = useCallback(() => {
    dirty.current = true;
  }, []);
  const markClean = useCallback(() => {
    dirty.current = false;
  }, []);
  const cancel = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  const settled = useCallback(async () => {
    if (inflight.current) await inflight.current;
  }, []);

  return {
    /** The newest id and version of the draft. */
    ids,
    /** The same, current even between renders. */
    idsRef,
    /** "Saved at 10:42", or why the last autosave failed. */
    note,
    /** The person changed something: save a few seconds after the last change. */
    changed,
    /** Changed, with nothing to schedule (values put back from the browser's copy). */
    markDirty,
    /** The server has everything (the form itself was saved). */
    markClean,
    /** No autosave to come (the form is being sent). */
    cancel,
    /** Resolves once no autosave is on its way. */
    settled,
  };
}
