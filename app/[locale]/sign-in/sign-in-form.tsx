"use client";
import { useTranslations } from "next-intl";
import { ErrorSummary, SubmitButton, TextField } from "@/components/form/fields";
import { useSchemaForm } from "@/components/form/use-schema-form";
import { idle } from "@/lib/form-state";
import { signInSchema } from "@/lib/auth/schemas";
import { requestSignInAction } from "./actions";

export function SignInForm({ next }: { next?: string }) {
  const t = useTranslations("signIn");
  const tf = useTranslations("form");
  const f = useSchemaForm(signInSchema, requestSignInAction, idle);
  return (
    <form action={f.formAction} onSubmit={f.onSubmit} noValidate className="max-w-md">
      <ErrorSummary
        title={tf("errorSummaryTitle")}
        message={f.state.message}
        errors={f.allErrors}
        labels={{ email: t("email") }}
      />
      <input type="hidden" value={next ?? ""} {...f.register("next")} />
      <TextField
        name="email"
        type="email"
        autoComplete="email"
        label={t("email")}
        hint={t("emailHint")}
        required
        dir="ltr"
        {...f.field("email")}
      />
      <SubmitButton label={t("submit")} pending={f.pending} />
    </form>
  );
}
