"use client";
import { useLocale, useTranslations } from "next-intl";
import { FormErrorSummary, FormStatus, SelectField, SubmitButton, TextField } from "@/components/form/fields";
import { useSchemaForm } from "@/components/form/use-schema-form";
import { idle } from "@/lib/form-state";
import { localeOptions } from "@/lib/i18n/config";
import { inviteMemberSchema } from "@/lib/organisations/schemas";
import { inviteMemberAction } from "./actions";

export function InviteMemberForm({ organisationId }: { organisationId: string }) {
  const t = useTranslations("organisation");
  const locale = useLocale();
  const f = useSchemaForm(inviteMemberSchema, inviteMemberAction, idle);
  const labels = { email: t("inviteEmail"), role: t("inviteRole"), locale: t("inviteLanguage") };
  return (
    <form action={f.formAction} onSubmit={f.onSubmit} noValidate className="max-w-xl">
      <FormErrorSummary f={f} labels={labels} />
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
        {...f.field("role", "member")}
      />
      <SelectField name="locale" label={labels.locale} options={localeOptions} {...f.field("locale", locale)} />
      <SubmitButton label={t("inviteSubmit")} pending={f.pending} />
    </form>
  );
}
