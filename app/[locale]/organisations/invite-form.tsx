"use client";
import { useLocale, useTranslations } from "next-intl";
import { ErrorSummary, FormStatus, SelectField, SubmitButton, TextField } from "@/components/form/fields";
import { useSchemaForm } from "@/components/form/use-schema-form";
import { idle } from "@/lib/form-state";
import { localeAutonyms, locales } from "@/lib/i18n/config";
import { inviteMemberSchema } from "@/lib/organisations/schemas";
import { inviteMemberAction } from "./actions";

export function InviteMemberForm({ organisationId }: { organisationId: string }) {
  const t = useTranslations("organisation");
  const tf = useTranslations("form");
  const locale = useLocale();
  const f = useSchemaForm(inviteMemberSchema, inviteMemberAction, idle);
  const labels = { email: t("inviteEmail"), role: t("inviteRole"), locale: t("inviteLanguage") };
  return (
    <form action={f.formAction} onSubmit={f.onSubmit} noValidate className="max-w-xl">
      <ErrorSummary
        title={tf("errorSummaryTitle")}
        message={f.state.status === "error" ? f.state.message : undefined}
        errors={f.allErrors}
        labels={labels}
      />
      <FormStatus state={f.state} successText={t("inviteSent")} />
      <input type="hidden" value={organisationId} {...f.register("organisationId")} />
      <TextField name="email" type="email" dir="ltr" label={labels.email} required {...f.field("email")} />
      <SelectField
        name="role"
        label={labels.role}
        options={[
          { value: "member", label: t("roles.member") },
          { value: "owner", label: t("roles.owner") },
        ]}
        errors={f.errorsFor("role")}
        registration={f.register("role")}
        defaultValue={f.value("role") ?? "member"}
      />
      <SelectField
        name="locale"
        label={labels.locale}
        options={locales.map((l) => ({ value: l, label: localeAutonyms[l] }))}
        errors={f.errorsFor("locale")}
        registration={f.register("locale")}
        defaultValue={f.value("locale") ?? locale}
      />
      <SubmitButton label={t("inviteSubmit")} pending={f.pending} />
    </form>
  );
}
