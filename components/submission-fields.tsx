"use client";
// The input's content fields, shared by the organisation's form and the anchors' form for inputs
// received by e-mail, paper or voice: one set of fields, labels and limits.
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { CheckboxList } from "@/components/form/checkbox-list";
import { LabelText, RequiredNote, SelectField, TextField } from "@/components/form/fields";
import { FileField } from "@/components/form/file-field";
import { listOf } from "@/lib/i18n/names";
import type { SchemaForm } from "@/components/form/use-schema-form";
import { ATTACHMENT_EXTENSIONS, MAX_ATTACHMENT_BYTES } from "@/lib/attachments/limits";
import type { FormState } from "@/lib/form-state";
import { LIMITS, PUBLICATIONS } from "@/lib/submissions/fields";

export interface Option {
  value: string;
  label: string;
}

/** Labels of the content fields (for the fields and the error summary). */
export function useSubmissionFieldLabels(): Record<string, string> {
  const t = useTranslations("submission");
  const labels: Record<string, string> = {
    title: t("fields.title"),
    themes: t("fields.themes"),
    summary: t("fields.summary"),
    body: t("fields.body"),
    recommendations: t("fields.recommendations"),
    countries: t("fields.countries"),
    language: t("fields.language"),
    contactName: t("fields.contactName"),
    contactEmail: t("fields.contactEmail"),
    publication: t("fields.publication"),
    attachments: t("fields.attachments"),
  };
  for (let i = 0; i < LIMITS.recommendations; i++)
    labels[`recommendations.${i}`] = t("fields.recommendationN", { n: i + 1 });
  return labels;
}

/** react-hook-form's initial values for the content fields, from what the server rendered. */
export function contentDefaults(values: FormState["values"] = {}) {
  const list = (k: string) => {
    const x = values[k];
    return x === undefined ? [] : Array.isArray(x) ? x : [x];
  };
  const one = (k: string) => {
    const x = values[k];
    return Array.isArray(x) ? (x[0] ?? "") : (x ?? "");
  };
  const recs = list("recommendations");
  return {
    title: one("title"),
    themes: list("themes"),
    summary: one("summary"),
    body: one("body"),
    // react-hook-form needs the groups' shapes up front (five recommendation slots).
    recommendations: Array.from({ length: LIMITS.recommendations }, (_, i) => recs[i] ?? ""),
    countries: list("countries"),
    language: one("language"),
    contactName: one("contactName"),
    contactEmail: one("contactEmail"),
    publication: one("publication"),
  };
}

export function SubmissionContentFields({
  f,
  labels,
  themes,
  countries,
  languages,
  attachmentSlots,
  contactEmailRequired = true,
}: {
  f: SchemaForm;
  labels: Record<string, string>;
  themes: Option[];
  countries: Option[];
  languages: Option[];
  attachmentSlots: number;
  contactEmailRequired?: boolean;
}) {
  const t = useTranslations("submission");
  const tf = useTranslations("form");
  const v = f.value;
  const [summaryLen, setSummaryLen] = useState((v("summary") ?? "").length);
  const [bodyLen, setBodyLen] = useState((v("body") ?? "").length);
  const recs = f.values("recommendations");
  const locale = useLocale();
  const watched = f.form.watch("countries") as string[] | string | undefined;
  const chosenCountries =
    watched === undefined ? f.values("countries") : Array.isArray(watched) ? watched : watched ? [watched] : [];

  return (
    <>
      <RequiredNote />
      <TextField name="title" label={labels.title!} required dir="auto" {...f.field("title")} />

      <fieldset className="mb-4" aria-describedby={f.errorsFor("themes").length ? "field-themes-error" : undefined}>
        <legend id="field-themes" tabIndex={-1} className="font-medium">
          <LabelText label={labels.themes!} required />
        </legend>
        <div className="mt-1 space-y-1">
          {themes.map((th) => (
            <label key={th.value} className="flex items-start gap-2">
              <input
                type="checkbox"
                className="mt-1"
                value={th.value}
                defaultChecked={f.values("themes").includes(th.value)}
                {...f.register("themes")}
              />
              <span>{th.label}</span>
            </label>
          ))}
        </div>
        {f.errorsFor("themes").length ? (
          <p id="field-themes-error" className="mt-1 text-sm font-medium text-red-800">
            {f.errorsFor("themes").join(" ")}
          </p>
        ) : null}
      </fieldset>

      <TextField
        name="summary"
        label={labels.summary!}
        hint={`${t("hints.summary")} ${t("counter", { count: summaryLen, max: LIMITS.summary })}`}
        multiline
        required
        dir="auto"
        errors={f.errorsFor("summary")}
        registration={{
          ...f.register("summary"),
          onChange: async (e) => {
            setSummaryLen(e.target.value.length);
            await f.register("summary").onChange(e);
          },
        }}
        defaultValue={v("summary")}
      />
      <TextField
        name="body"
        label={labels.body!}
        hint={`${t("hints.body")} ${t("counter", { count: bodyLen, max: LIMITS.body })}`}
        multiline
        required
        dir="auto"
        errors={f.errorsFor("body")}
        registration={{
          ...f.register("body"),
          onChange: async (e) => {
            setBodyLen(e.target.value.length);
            await f.register("body").onChange(e);
          },
        }}
        defaultValue={v("body")}
      />

      <fieldset className="mb-4">
        <legend id="field-recommendations" tabIndex={-1} className="font-medium">
          <LabelText label={labels.recommendations!} optional />
        </legend>
        {Array.from({ length: LIMITS.recommendations }, (_, i) => (
          <TextField
            key={i}
            name={`recommendations.${i}`}
            label={t("fields.recommendationN", { n: i + 1 })}
            multiline
            dir="auto"
            errors={f.errorsFor(`recommendations.${i}`)}
            registration={{ ...f.register(`recommendations.${i}`), name: "recommendations" }}
            defaultValue={recs[i]}
          />
        ))}
      </fieldset>

      <CheckboxList
        name="countries"
        label={labels.countries!}
        hint={t("hints.countries")}
        optional
        options={countries}
        chosen={chosenCountries}
        errors={f.errorsFor("countries")}
        registration={f.register("countries")}
        listOf={(items) => listOf(locale, items)}
      />
      <SelectField
        name="language"
        label={labels.language!}
        required
        placeholder={tf("choose")}
        options={languages}
        {...f.field("language")}
      />
      <TextField
        name="contactName"
        label={labels.contactName!}
        required
        dir="auto"
        autoComplete="name"
        {...f.field("contactName")}
      />
      <TextField
        name="contactEmail"
        type="email"
        label={labels.contactEmail!}
        required={contactEmailRequired}
        dir="ltr"
        autoComplete="email"
        {...f.field("contactEmail")}
      />

      <fieldset className="mb-4">
        <legend id="field-publication" tabIndex={-1} className="font-medium">
          <LabelText label={labels.publication!} required />
        </legend>
        {PUBLICATIONS.map((p) => (
          <label key={p} className="mt-1 flex items-center gap-2">
            <input type="radio" value={p} defaultChecked={v("publication") === p} {...f.register("publication")} />
            {t(`publication.${p}`)}
          </label>
        ))}
        {f.errorsFor("publication").length ? (
          <p className="mt-1 text-sm font-medium text-red-800">{f.errorsFor("publication").join(" ")}</p>
        ) : null}
      </fieldset>

      {attachmentSlots > 0 ? (
        <FileField
          name="attachments"
          label={labels.attachments!}
          hint={t("hints.attachments")}
          extensions={ATTACHMENT_EXTENSIONS}
          maxBytes={MAX_ATTACHMENT_BYTES}
          maxFiles={attachmentSlots}
          serverErrors={f.errorsFor("attachments")}
        />
      ) : null}
    </>
  );
}
