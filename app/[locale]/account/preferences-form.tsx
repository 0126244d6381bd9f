"use client";
import { useTranslations } from "next-intl";
import { FormErrorSummary, SelectField, SubmitButton, TextField } from "@/components/form/fields";
import { useSchemaForm } from "@/components/form/use-schema-form";
import type { FormState } from "@/lib/form-state";
import { preferencesSchema } from "@/lib/auth/schemas";
import { localeOptions } from "@/lib/i18n/config";
import { updatePreferencesAction } from "./actions";

export function PreferencesForm({ initial }: { initial: FormState }) {
  const t = useTranslations("account");
  const tf = useTranslations("form");
  const f = useSchemaForm(preferencesSchema, updatePreferencesAction, initial);
  const labels = { name: t("name"), locale: t("language") };
  return (
    <form action={f.formAction} onSubmit={f.onSubmit} noValidate className="max-w-md">
      <FormErrorSummary f={f} labels={labels} />
      <TextField name="name" label={labels.name} autoComplete="name" dir="auto" {...f.field("name")} />
      <SelectField name="locale" label={labels.locale} options={localeOptions} {...f.field("locale")} />
      <SubmitButton label={tf("save")} pending={f.pending} />
    </form>
  );
}
