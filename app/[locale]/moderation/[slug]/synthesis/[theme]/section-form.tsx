"use client";
// A theme's section of the region's contribution: its paragraphs and recommendations, each with the
// inputs it cites (ticked boxes) and more to cite by reference (a plain field). Works without
// JavaScript: the server action saves and comes back to the page; two blank items at the end are
// how more are added. With JavaScript the same schema checks the form before it is sent. After a
// refusal (a conflict above all) the form shows what was typed, never a blank form.
import { useTranslations } from "next-intl";
import { useActionState, useState, type FormEvent } from "react";
import { ErrorSummary } from "@/components/form/fields";
import { idle, type FormState } from "@/lib/form-state";
import { sectionSchema } from "@/lib/synthesis/schemas";
import { fieldErrorsOf, formDataToObject, nest, type FormValues } from "@/lib/validation";
import { saveSectionAction } from "../actions";

export interface EditorCitation {
  id: string;
  label: string;
  /** Why the citation is flagged ("no longer accepted (withdrawn)"), when it is. */
  flag?: string;
}
export interface EditorItem {
  kind: "paragraph" | "recommendation";
  text: string;
  citations: EditorCitation[];
  add?: string;
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? ""));
const many = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The rows as the person left them (after a refused post), from the values the action echoed. */
function rowsFromValues(values: FormValues, known: Map<string, EditorCitation>): EditorItem[] {
  const rows: EditorItem[] = [];
  for (let n = 0; `items.${n}.kind` in values || `items.${n}.text` in values; n++) {
    rows.push({
      kind: one(values[`items.${n}.kind`]) === "recommendation" ? "recommendation" : "paragraph",
      text: one(values[`items.${n}.text`]),
      citations: many(values[`items.${n}.citations`]).flatMap((id) => {
        const c = known.get(id);
        return c ? [c] : [];
      }),
      add: one(values[`items.${n}.add`]),
    });
  }
  return rows;
}

export function SectionForm({
  consultationId,
  themeId,
  version,
  items,
  q,
}: {
  consultationId: string;
  themeId: number;
  version: number;
  items: EditorItem[];
  q: string;
}) {
  const t = useTranslations("synthesis");
  const tf = useTranslations("form");
  const tv = useTranslations("validation");
  const [state, action, pending] = useActionState<FormState, FormData>(saveSectionAction, idle);
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const known = new Map(items.flatMap((i) => i.citations).map((c) => [c.id, c]));
  const rows: EditorItem[] = state.values
    ? rowsFromValues(state.values, known)
    : [...items, { kind: "paragraph", text: "", citations: [] }, { kind: "recommendation", text: "", citations: [] }];
  const errors: Record<string, string[]> = { ...(state.fieldErrors ?? {}), ...clientErrors };
  const labels: Record<string, string> = { q: t("finderTitle") };
  rows.forEach((_, n) => {
    labels[`items.${n}.text`] = `${t("itemN", { n: n + 1 })}, ${t("text")}`;
    labels[`items.${n}.add`] = `${t("itemN", { n: n + 1 })}, ${t("add")}`;
  });

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const fd = new FormData(e.currentTarget, submitter);
    const parsed = sectionSchema.safeParse(nest(formDataToObject(fd)), { reportInput: true });
    if (!parsed.success) {
      e.preventDefault();
      setClientErrors(fieldErrorsOf(parsed.error, (k, v) => tv(k as never, v as never)));
    } else setClientErrors({});
  };

  const field =
    "mt-1 block w-full rounded border border-slate-500 px-3 py-2 text-base aria-[invalid=true]:border-2 aria-[invalid=true]:border-red-700";
  return (
    <form action={action} onSubmit={onSubmit} noValidate className="mt-6 max-w-3xl" data-testid="section-form">
      <ErrorSummary
        title={tf("errorSummaryTitle")}
        message={state.status === "error" ? state.message : undefined}
        errors={errors}
        labels={labels}
      />
      <input type="hidden" name="consultationId" value={consultationId} />
      <input type="hidden" name="themeId" value={themeId} />
      <input type="hidden" name="version" value={version} />
      {rows.map((row, n) => {
        const isNew = n >= items.length && !state.values;
        const textErr = errors[`items.${n}.text`];
        const addErr = errors[`items.${n}.add`];
        return (
          <fieldset key={n} className="mt-6 rounded border border-slate-400 p-4" data-testid="section-item">
            <legend className="px-1 font-semibold">
              {isNew ? `${t("itemN", { n: n + 1 })} — ${t(row.kind)}` : t("itemN", { n: n + 1 })}
            </legend>
            <label className="block">
              <span className="font-medium">{t("kind")}</span>
              <select
                name={`items.${n}.kind`}
                defaultValue={row.kind}
                className="ms-2 rounded border border-slate-500 px-2 py-1"
              >
                <option value="paragraph">{t("paragraph")}</option>
                <option value="recommendation">{t("recommendation")}</option>
              </select>
            </label>
            <label className="mt-3 block" htmlFor={`field-items.${n}.text`}>
              <span className="font-medium">{t("text")}</span>
            </label>
            <textarea
              id={`field-items.${n}.text`}
              name={`items.${n}.text`}
              defaultValue={row.text}
              rows={row.kind === "paragraph" ? 6 : 3}
              dir="auto"
              aria-invalid={textErr ? true : undefined}
              aria-describedby={textErr ? `err-items.${n}.text` : undefined}
              className={field}
            />
            {textErr ? (
              <p id={`err-items.${n}.text`} className="mt-1 text-red-800">
                {textErr[0]}
              </p>
            ) : null}
            {row.citations.length > 0 ? (
              <fieldset className="mt-3">
                <legend className="font-medium">{t("cited")}</legend>
                <ul className="mt-1 space-y-1">
                  {row.citations.map((c) => (
                    <li key={c.id}>
                      <label className="inline-flex items-start gap-2">
                        <input
                          type="checkbox"
                          name={`items.${n}.citations`}
                          value={c.id}
                          defaultChecked
                          className="mt-1"
                        />
                        <span>
                          {c.label}
                          {c.flag ? <strong className="ms-1 text-red-800">({c.flag})</strong> : null}
                        </span>
                      </label>
                    </li>
                  ))}
                </ul>
              </fieldset>
            ) : null}
            <label className="mt-3 block" htmlFor={`field-items.${n}.add`}>
              <span className="font-medium">{t("add")}</span>
              <span id={`hint-items.${n}.add`} className="block text-sm text-slate-700">
                {t("addHint")}
              </span>
            </label>
            <input
              id={`field-items.${n}.add`}
              name={`items.${n}.add`}
              defaultValue={row.add ?? ""}
              dir="ltr"
              aria-invalid={addErr ? true : undefined}
              aria-describedby={`hint-items.${n}.add${addErr ? ` err-items.${n}.add` : ""}`}
              className={field}
            />
            {addErr ? (
              <p id={`err-items.${n}.add`} className="mt-1 text-red-800">
                {addErr[0]}
              </p>
            ) : null}
          </fieldset>
        );
      })}
      <p className="mt-4 text-sm text-slate-700">{t("newItems")}</p>
      <div className="mt-6 rounded border border-slate-400 p-4">
        <label htmlFor="field-q" className="font-medium">
          {t("finderTitle")}
        </label>
        <p id="hint-q" className="text-sm text-slate-700">
          {t("finderHint")}
        </p>
        <input
          id="field-q"
          name="q"
          type="search"
          defaultValue={q}
          aria-describedby="hint-q"
          dir="auto"
          className={field}
        />
      </div>
      <div className="mt-6 flex flex-wrap gap-4">
        <button
          type="submit"
          name="intent"
          value="save"
          disabled={pending}
          className="rounded bg-brand px-4 py-2 font-semibold text-white"
        >
          {t("save")}
        </button>
        <button
          type="submit"
          name="intent"
          value="search"
          disabled={pending}
          className="rounded border-2 border-brand px-4 py-2 font-semibold text-brand"
        >
          {t("saveAndSearch")}
        </button>
      </div>
    </form>
  );
}
