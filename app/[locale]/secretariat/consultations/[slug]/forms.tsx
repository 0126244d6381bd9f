"use client";
import { useLocale, useTranslations } from "next-intl";
import { ErrorSummary, FormStatus, SelectField, SubmitButton, TextField } from "@/components/form/fields";
import { useSchemaForm } from "@/components/form/use-schema-form";
import { consultationEditSchema, inviteAnchorSchema } from "@/lib/consultations/schemas";
import { idle, type FormState } from "@/lib/form-state";
import { localeAutonyms, locales } from "@/lib/i18n/config";
import { inviteAnchorAction, updateConsultationAction } from "../../actions";

export function ConsultationEditForm({ initial, timeZone }: { initial: FormState; timeZone: string }) {
  const t = useTranslations("secretariat");
  const tf = useTranslations("form");
  const f = useSchemaForm(consultationEditSchema, updateConsultationAction, initial);
  const labels: Record<string, string> = {
    startsOn: t("startsOn"),
    endsOn: t("endsOn"),
    registrationDeadline: t("registrationDeadline"),
    submissionDeadline: t("submissionDeadline"),
    inPersonCapacity: t("capacity"),
    status: t("statusLabel"),
  };
  const field = (name: string, type: string, hint?: string) => (
    <TextField name={name} type={type} dir="ltr" label={labels[name] ?? name} hint={hint} errors={f.errorsFor(name)} registration={f.register(name)} defaultValue={f.value(name)} />
  );
  return (
    <form action={f.formAction} onSubmit={f.onSubmit} noValidate className="max-w-xl">
      <ErrorSummary title={tf("errorSummaryTitle")} message={f.state.status === "error" ? f.state.message : undefined} errors={f.allErrors} labels={labels} />
      <input type="hidden" defaultValue={f.value("consultationId")} {...f.register("consultationId")} />
      <input type="hidden" defaultValue={f.value("version")} {...f.register("version")} />
      {field("startsOn", "date")}
      {field("endsOn", "date")}
      {field("registrationDeadline", "datetime-local", t("deadlineHint", { timeZone }))}
      {field("submissionDeadline", "datetime-local", t("deadlineHint", { timeZone }))}
      {field("inPersonCapacity", "number", t("capacityHint"))}
      <SelectField
        name="status"
        label={labels.status ?? ""}
        options={(["draft", "open", "closed"] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))}
        errors={f.errorsFor("status")}
        registration={f.register("status")}
        defaultValue={f.value("status")}
      />
      <SubmitButton label={tf("save")} pending={f.pending} />
    </form>
  );
}

export function InviteAnchorForm({ consultationId }: { consultationId: string }) {
  const t = useTranslations("secretariat");
  const tf = useTranslations("form");
  const locale = useLocale();
  const f = useSchemaForm(inviteAnchorSchema, inviteAnchorAction, idle);
  const labels = { email: t("anchorEmail"), locale: t("anchorLanguage") };
  return (
    <form action={f.formAction} onSubmit={f.onSubmit} noValidate className="mt-2 max-w-xl">
      <ErrorSummary title={tf("errorSummaryTitle")} message={f.state.status === "error" ? f.state.message : undefined} errors={f.allErrors} labels={labels} />
      <FormStatus state={f.state} successText={t("anchorInvited")} />
      <input type="hidden" value={consultationId} {...f.register("consultationId")} />
      <TextField name="email" type="email" dir="ltr" label={labels.email} required errors={f.errorsFor("email")} registration={f.register("email")} defaultValue={f.value("email")} />
      <SelectField
        name="locale"
        label={labels.locale}
        options={locales.map((l) => ({ value: l, label: localeAutonyms[l] }))}
        errors={f.errorsFor("locale")}
        registration={f.register("locale")}
        defaultValue={f.value("locale") ?? locale}
      />
      <SubmitButton label={t("inviteAnchorSubmit")} pending={f.pending} />
    </form>
  );
}
