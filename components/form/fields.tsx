"use client";
import { useTranslations } from "next-intl";
import type { UseFormRegisterReturn } from "react-hook-form";
import type { SchemaForm } from "./use-schema-form";

const inputClass =
  "mt-1 block w-full rounded border border-slate-500 px-3 py-2 text-base aria-[invalid=true]:border-red-700 aria-[invalid=true]:border-2";

export function ErrorSummary({
  title,
  message,
  errors,
  labels,
}: {
  title: string;
  message?: string;
  errors: Record<string, string[]>;
  labels: Record<string, string>;
}) {
  const entries = Object.entries(errors).filter(([, v]) => v.length > 0);
  if (!message && entries.length === 0) return null;
  return (
    <div
      role="alert"
      tabIndex={-1}
      className="mb-6 rounded border-2 border-red-700 bg-red-50 p-4"
      data-testid="error-summary"
    >
      <h2 className="font-semibold text-red-900">{title}</h2>
      {message ? <p className="mt-1">{message}</p> : null}
      {entries.length > 0 ? (
        <ul className="mt-2 list-disc ps-6">
          {entries.map(([name, msgs]) => (
            <li key={name}>
              <a href={`#field-${name}`} className="text-red-900 underline">
                {labels[name] ? `${labels[name]}: ` : ""}
                {msgs[0]}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The ErrorSummary of a useSchemaForm form: the refusal's message, if refused, and each field's error. */
export function FormErrorSummary({
  f,
  labels,
}: {
  f: Pick<SchemaForm, "state" | "allErrors">;
  labels: Record<string, string>;
}) {
  const t = useTranslations("form");
  return (
    <ErrorSummary
      title={t("errorSummaryTitle")}
      message={f.state.status === "error" ? f.state.message : undefined}
      errors={f.allErrors}
      labels={labels}
    />
  );
}

/** Hidden fields (ids, versions) that carry the form's values back, registered with the form. */
export function HiddenFields({ f, names }: { f: Pick<SchemaForm, "value" | "register">; names: string[] }) {
  return names.map((name) => <input key={name} type="hidden" defaultValue={f.value(name)} {...f.register(name)} />);
}

/**
 * A field's label: required fields carry a star (the form's RequiredNote says what it means; the
 * control itself has aria-required), optional ones say "(optional)" in words, part of their name.
 */
export function LabelText({ label, required, optional }: { label: string; required?: boolean; optional?: boolean }) {
  const t = useTranslations("form");
  return (
    <>
      {label}
      {optional ? ` (${t("optional")})` : null}
      {required ? <RequiredMark /> : null}
    </>
  );
}

export function RequiredMark() {
  return (
    <span aria-hidden="true" className="text-red-800">
      {" "}
      *
    </span>
  );
}

/** "Fields marked * are required": said once at the top of a form whose fields are marked. */
export function RequiredNote() {
  const t = useTranslations("form");
  return <p className="mb-4 text-sm text-slate-700">{t("requiredNote")}</p>;
}

/** A field's errors, below it (the id is what the field's aria-describedby names). */
export function FieldError({ id, errors }: { id: string; errors: string[] }) {
  if (errors.length === 0) return null;
  return (
    <p id={id} className="mt-1 text-sm font-medium text-red-800">
      {errors.join(" ")}
    </p>
  );
}

export function TextField({
  name,
  label,
  hint,
  errors,
  registration,
  defaultValue,
  type = "text",
  multiline = false,
  required = false,
  optional = false,
  autoComplete,
  dir,
}: {
  name: string;
  label: string;
  hint?: string;
  errors: string[];
  registration: UseFormRegisterReturn;
  defaultValue?: string;
  type?: string;
  multiline?: boolean;
  required?: boolean;
  optional?: boolean;
  autoComplete?: string;
  dir?: "auto" | "ltr" | "rtl";
}) {
  const id = `field-${name}`;
  const describedBy =
    [hint ? `${id}-hint` : null, errors.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    defaultValue,
    "aria-invalid": errors.length > 0 ? true : undefined,
    "aria-describedby": describedBy,
    "aria-required": required || undefined,
    className: inputClass,
    dir,
    ...registration,
  };
  return (
    <div className="mb-4">
      {/* The star stays outside the label: the field's name is its label's words only. */}
      <label htmlFor={id} className="font-medium">
        <LabelText label={label} optional={optional} />
      </label>
      {required ? <RequiredMark /> : null}
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      {multiline ? <textarea rows={6} {...common} /> : <input type={type} autoComplete={autoComplete} {...common} />}
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}

export function SelectField({
  name,
  label,
  options,
  errors,
  registration,
  defaultValue,
  multiple = false,
  placeholder,
  required = false,
  optional = false,
  hint,
}: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  errors: string[];
  registration: UseFormRegisterReturn;
  defaultValue?: string | string[];
  multiple?: boolean;
  placeholder?: string;
  required?: boolean;
  optional?: boolean;
  hint?: string;
}) {
  const id = `field-${name}`;
  const describedBy =
    [hint ? `${id}-hint` : null, errors.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="mb-4">
      {/* The star stays outside the label: the field's name is its label's words only. */}
      <label htmlFor={id} className="font-medium">
        <LabelText label={label} optional={optional} />
      </label>
      {required ? <RequiredMark /> : null}
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <select
        id={id}
        multiple={multiple}
        size={multiple ? 6 : undefined}
        defaultValue={defaultValue ?? (multiple ? [] : "")}
        aria-invalid={errors.length > 0 ? true : undefined}
        aria-describedby={describedBy}
        aria-required={required || undefined}
        className={inputClass}
        {...registration}
      >
        {!multiple && placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}

export function SubmitButton({ label, pending }: { label: string; pending?: boolean }) {
  return (
    <button
      type="submit"
      disabled={pending}
      aria-busy={pending || undefined}
      className="rounded bg-brand px-5 py-2 font-semibold text-white hover:bg-brand-dark disabled:opacity-60"
    >
      {label}
    </button>
  );
}

export function FormStatus({
  state,
  successText,
}: {
  state: { status: string; message?: string };
  successText?: string;
}) {
  if (state.status !== "success" || !successText) return null;
  return (
    <p role="status" className="mb-4 rounded border border-green-700 bg-green-50 p-3 text-green-900">
      {successText}
    </p>
  );
}
