"use client";
// A file field that refuses, as soon as a file is chosen, what the server would refuse by size, name
// or count (and by extension: the server decides by content): the file is taken off the field, so it
// is never sent, and the reason is shown beside the field, naming the file. Without JavaScript the
// server says the same after the post (lib/submissions/files.ts), the form keeping what was typed.
import { useTranslations } from "next-intl";
import { useState, type ChangeEvent } from "react";

const CONTROL = /[\u0000-\u001f\u007f]/;

const CONTROL_ALL = /[\u0000-\u001f\u007f]/g;

export function FileField({
  name,
  label,
  hint,
  extensions,
  maxBytes,
  maxFiles,
  serverErrors,
}: {
  name: string;
  label: string;
  hint?: string;
  extensions: readonly string[];
  maxBytes: number;
  maxFiles: number;
  serverErrors: string[];
}) {
  const t = useTranslations("errors");
  const [chosenError, setChosenError] = useState<string | null>(null);
  const id = `field-${name}`;

  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const problems: string[] = [];
    const keep: File[] = [];
    for (const f of Array.from(input.files ?? [])) {
      if (CONTROL.test(f.name)) problems.push(t("attachment_badName", { name: f.name.replace(CONTROL_ALL, "?") }));
      else if (f.size > maxBytes)
        problems.push(t("attachment_tooLarge", { name: f.name, max: Math.round(maxBytes / 1024 / 1024) }));
      else if (!extensions.some((x) => f.name.toLowerCase().endsWith(x)))
        problems.push(t("attachment_unsupportedType", { name: f.name }));
      else keep.push(f);
    }
    if (keep.length > maxFiles) {
      problems.push(t("tooManyAttachments", { max: maxFiles }));
      keep.length = maxFiles;
    }
    if (problems.length > 0) {
      const kept = new DataTransfer();
      for (const f of keep) kept.items.add(f);
      input.files = kept.files;
    }
    setChosenError(problems.length > 0 ? problems.join(" ") : null);
  };

  const errors = chosenError ? [chosenError] : serverErrors;
  const describedBy = [hint ? `${id}-hint` : null, errors.length ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="mb-6">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        type="file"
        multiple={maxFiles > 1}
        accept={extensions.join(",")}
        aria-describedby={describedBy || undefined}
        aria-invalid={errors.length > 0 ? true : undefined}
        onChange={onChange}
        className="mt-1 block"
      />
      {errors.length > 0 ? (
        <p id={`${id}-error`} role="alert" className="mt-1 text-sm font-medium text-red-800" data-testid="file-error">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
