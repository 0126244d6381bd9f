"use client";
// A copy of a form's unsent text in this browser (localStorage), kept at each change and offered
// back after a reload or a failed request; forgotten once the server has the text.
import { useCallback, useEffect, useState, type RefObject } from "react";
import { formDataToObject } from "@/lib/validation";

export interface BrowserCopy {
  values: Record<string, string | string[]>;
  savedAt: number;
}

/** What the form holds now, files left out (they cannot be kept in the browser). */
export function formSnapshot(form: HTMLFormElement | null): FormData | null {
  if (!form) return null;
  const fd = new FormData(form);
  fd.delete("attachments");
  return fd;
}

export function useBrowserCopy({
  storageKey,
  formRef,
  arrays,
  submissionId,
}: {
  /** Where this form instance keeps its copy. */
  storageKey: string;
  formRef: RefObject<HTMLFormElement | null>;
  /** Fields that repeat, kept as lists. */
  arrays: readonly string[];
  /** The draft the form continues ("" for one never saved): only a copy of it is offered. */
  submissionId: string;
}) {
  const [offered, setOffered] = useState<BrowserCopy | null>(null);

  // An unsent copy from an earlier visit: offer it back.
  useEffect(() => {
    try {
      const raw = localStorage.getItem(storageKey);
      const copy = raw ? (JSON.parse(raw) as BrowserCopy) : null;
      // Only a copy of this draft (or of a form never saved to the server) is offered.
      const copyOf = copy?.values.submissionId ?? "";
      // Browser storage exists only after hydration, so this cannot be initial state.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      if (copy && (copyOf === submissionId || copyOf === "")) setOffered(copy);
    } catch {
      // Private mode or a full quota: the server copy is still there.
    }
    // Only on first load.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [storageKey]);

  const keep = useCallback(() => {
    const fd = formSnapshot(formRef.current);
    if (!fd) return;
    try {
      localStorage.setItem(storageKey, JSON.stringify({ values: formDataToObject(fd, arrays), savedAt: Date.now() }));
    } catch {
      // Nothing more we can do in the browser; the server save still runs.
    }
  }, [formRef, storageKey, arrays]);

  const forget = useCallback(() => localStorage.removeItem(storageKey), [storageKey]);

  return {
    /** The copy from an earlier visit, until it is restored or discarded. */
    offered,
    keep,
    forget,
    /** The copy was put back into the form: no longer offered (it stays stored until saved). */
    restored: () => setOffered(null),
    discard: () => {
      forget();
      setOffered(null);
    },
  };
}

/** Puts kept values back into the form's fields (the ids and the key stay the form's own). */
export function writeFormValues(
  form: HTMLFormElement,
  values: BrowserCopy["values"],
  each: (name: string, values: string[]) => void,
): void {
  for (const [name, value] of Object.entries(values)) {
    if (name === "submissionId" || name === "version" || name === "idempotencyKey") continue;
    const els = form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(
      `[name="${CSS.escape(name)}"]`,
    );
    const list = Array.isArray(value) ? value : [value];
    els.forEach((el, i) => {
      if (el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio"))
        el.checked = list.includes(el.value);
      else if (el instanceof HTMLSelectElement && el.multiple)
        for (const o of Array.from(el.options)) o.selected = list.includes(o.value);
      else el.value = list[i] ?? "";
    });
    each(name, list);
  }
}
