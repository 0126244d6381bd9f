"use client";
import { useLocale, useTranslations } from "next-intl";
import {
  FormErrorSummary,
  FormStatus,
  LabelText,
  RequiredNote,
  SelectField,
  SubmitButton,
  TextField,
} from "@/components/form/fields";
import { useSchemaForm } from "@/components/form/use-schema-form";
import { idle, type FormState } from "@/lib/form-state";
import { ORGANISATION_TYPES, organisationSchema } from "@/lib/organisations/schemas";
import { localeOptions } from "@/lib/i18n/config";

export function OrganisationForm({
  action,
  initial,
  organisationId,
  submitLabel,
  countries,
  languages,
}: {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  initial?: FormState;
  organisationId?: string;
  submitLabel: string;
  /** Named on the server (lib/i18n/names.ts), so every page and the browser show the same names. */
  countries: { value: string; label: string }[];
  languages: { value: string; label: string }[];
}) {
  const t = useTranslations("organisation");
  const tf = useTranslations("form");
  const locale = useLocale();
  const f = useSchemaForm(organisationSchema, action, initial ?? idle);
  const labels: Record<string, string> = {
    name: t("name"),
    acronym: t("acronym"),
    country: t("country"),
    city: t("city"),
    website: t("website"),
    type: t("type"),
    workingLanguages: t("workingLanguages"),
    contactEmail: t("contactEmail"),
    locale: t("emailLanguage"),
  };
  const text = (name: keyof typeof labels & string, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField name={name} label={labels[name] ?? name} {...f.field(name)} {...extra} />
  );
  return (
    <form action={f.formAction} onSubmit={f.onSubmit} noValidate className="max-w-2xl">
      <FormErrorSummary f={f} labels={labels} />
      <FormStatus state={f.state} successText={tf("saved")} />
      <RequiredNote />
      {organisationId ? <input type="hidden" name="organisationId" value={organisationId} /> : null}
      {text("name", { required: true, autoComplete: "organization", dir: "auto" })}
      {text("acronym", { dir: "auto", optional: true })}
      <SelectField
        name="type"
        label={labels.type ?? ""}
        placeholder={tf("choose")}
        required
        options={ORGANISATION_TYPES.map((v) => ({ value: v, label: t(`types.${v}`) }))}
        {...f.field("type")}
      />
      <SelectField
        name="country"
        label={labels.country ?? ""}
        placeholder={tf("choose")}
        required
        options={countries}
        {...f.field("country")}
      />
      {text("city", { dir: "auto", optional: true })}
      {/* type=url would make a browser refuse "example.org", which the schema accepts and completes. */}
      {text("website", { dir: "ltr", hint: t("websiteHint"), optional: true, autoComplete: "url" })}
      <fieldset
        className="mb-4"
        aria-describedby={[
          "field-workingLanguages-hint",
          f.errorsFor("workingLanguages").length ? "field-workingLanguages-error" : "",
        ]
          .join(" ")
          .trim()}
      >
        <legend id="field-workingLanguages" className="font-medium" tabIndex={-1}>
          <LabelText label={labels.workingLanguages ?? ""} required />
        </legend>
        <p id="field-workingLanguages-hint" className="text-sm text-slate-700">
          {t("workingLanguagesHint")}
        </p>
        <div className="mt-1 grid grid-cols-2 gap-1 sm:grid-cols-3">
          {languages.map(({ value: code, label }) => (
            <label key={code} className="flex items-center gap-2">
              <input
                type="checkbox"
                value={code}
                defaultChecked={f.values("workingLanguages").includes(code)}
                {...f.register("workingLanguages")}
              />
              <span>{label}</span>
            </label>
          ))}
        </div>
        {f.errorsFor("workingLanguages").length ? (
          <p id="field-workingLanguages-error" className="mt-1 text-sm font-medium text-red-800">
            {f.errorsFor("workingLanguages").join(" ")}
          </p>
        ) : null}
      </fieldset>
      {text("contactEmail", { type: "email", required: true, autoComplete: "email", dir: "ltr" })}
      <SelectField
        name="locale"
        required
        label={labels.locale ?? ""}
        options={localeOptions}
        {...f.field("locale", locale)}
      />
      <SubmitButton label={submitLabel} pending={f.pending} />
    </form>
  );
}
