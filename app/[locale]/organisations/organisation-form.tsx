"use client";
import { useLocale, useTranslations } from "next-intl";
import { ErrorSummary, FormStatus, SelectField, SubmitButton, TextField } from "@/components/form/fields";
import { useSchemaForm } from "@/components/form/use-schema-form";
import { idle, type FormState } from "@/lib/form-state";
import { organisationSchema, workingLanguageCodes } from "@/lib/organisations/schemas";
import { countryOptions } from "@/lib/i18n/countries";
import { localeAutonyms, locales, type AppLocale } from "@/lib/i18n/config";
import { languageNames as languageNamesIn } from "@/lib/i18n/format";

const types = ["ngo", "migrant_led", "diaspora", "grassroots", "trade_union", "faith_based", "academia", "other"] as const;

export function OrganisationForm({
  action,
  initial,
  organisationId,
  submitLabel,
}: {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  initial?: FormState;
  organisationId?: string;
  submitLabel: string;
}) {
  const t = useTranslations("organisation");
  const tf = useTranslations("form");
  const locale = useLocale();
  const f = useSchemaForm(organisationSchema, action, initial ?? idle);
  const languageNames = languageNamesIn(locale as AppLocale);
  const countries = countryOptions(locale);
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
    <TextField
      name={name}
      label={labels[name] ?? name}
      errors={f.errorsFor(name)}
      registration={f.register(name)}
      defaultValue={f.value(name)}
      {...extra}
    />
  );
  return (
    <form action={f.formAction} onSubmit={f.onSubmit} noValidate className="max-w-2xl">
      <ErrorSummary title={tf("errorSummaryTitle")} message={f.state.status === "error" ? f.state.message : undefined} errors={f.allErrors} labels={labels} />
      <FormStatus state={f.state} successText={tf("saved")} />
      {organisationId ? <input type="hidden" name="organisationId" value={organisationId} /> : null}
      {text("name", { required: true, autoComplete: "organization", dir: "auto" })}
      {text("acronym", { dir: "auto" })}
      <SelectField
        name="type"
        label={labels.type ?? ""}
        placeholder={tf("choose")}
        options={types.map((v) => ({ value: v, label: t(`types.${v}`) }))}
        errors={f.errorsFor("type")}
        registration={f.register("type")}
        defaultValue={f.value("type")}
      />
      <SelectField
        name="country"
        label={labels.country ?? ""}
        placeholder={tf("choose")}
        options={countries}
        errors={f.errorsFor("country")}
        registration={f.register("country")}
        defaultValue={f.value("country")}
      />
      {text("city", { dir: "auto" })}
      {text("website", { type: "url", dir: "ltr", hint: t("websiteHint") })}
      <fieldset className="mb-4" aria-describedby={f.errorsFor("workingLanguages").length ? "field-workingLanguages-error" : undefined}>
        <legend id="field-workingLanguages" className="font-medium" tabIndex={-1}>
          {labels.workingLanguages}
        </legend>
        <div className="mt-1 grid grid-cols-2 gap-1 sm:grid-cols-3">
          {workingLanguageCodes.map((code) => (
            <label key={code} className="flex items-center gap-2">
              <input
                type="checkbox"
                value={code}
                defaultChecked={f.values("workingLanguages").includes(code)}
                {...f.register("workingLanguages")}
              />
              <span>{languageNames.of(code) ?? code}</span>
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
        label={labels.locale ?? ""}
        options={locales.map((l) => ({ value: l, label: localeAutonyms[l] }))}
        errors={f.errorsFor("locale")}
        registration={f.register("locale")}
        defaultValue={f.value("locale") ?? locale}
      />
      <SubmitButton label={submitLabel} pending={f.pending} />
    </form>
  );
}
