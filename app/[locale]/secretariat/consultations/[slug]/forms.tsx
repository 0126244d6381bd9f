"use client";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { deadlineWarnings } from "@/lib/consultations/deadlines";
import {
  FormErrorSummary,
  FormStatus,
  HiddenFields,
  SelectField,
  SubmitButton,
  TextField,
} from "@/components/form/fields";
import { useSchemaForm } from "@/components/form/use-schema-form";
import { consultationEditSchema, inviteAnchorSchema } from "@/lib/consultations/schemas";
import { idle, type FormState } from "@/lib/form-state";
import { localeOptions } from "@/lib/i18n/config";
import { consultationDetailsSchema } from "@/lib/rounds/schemas";
import { inviteAnchorAction, updateConsultationAction, updateConsultationDetailsAction } from "../../actions";

export function ConsultationEditForm({
  initial,
  timeZone,
  today,
}: {
  initial: FormState;
  timeZone: string;
  today: string;
}) {
  const t = useTranslations("secretariat");
  const tf = useTranslations("form");
  const tw = useTranslations("deadlineWarnings");
  const format = useFormatter();
  const day = (ymd: string | undefined) =>
    ymd && /^\d{4}-\d{2}-\d{2}$/.test(ymd)
      ? format.dateTime(new Date(`${ymd}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" })
      : "";
  const f = useSchemaForm(consultationEditSchema, updateConsultationAction, initial);
  // The dates as they stand in the form (typed, or as the server rendered them): warnings follow them.
  const [dates, setDates] = useState(() => ({
    endsOn: f.value("endsOn"),
    registrationDeadline: f.value("registrationDeadline"),
    submissionDeadline: f.value("submissionDeadline"),
    status: f.value("status"),
  }));
  const onChange = (e: FormEvent<HTMLFormElement>) => {
    const form = e.currentTarget;
    const read = (n: string) => (form.elements.namedItem(n) as HTMLInputElement | HTMLSelectElement | null)?.value;
    setDates({
      endsOn: read("endsOn"),
      registrationDeadline: read("registrationDeadline"),
      submissionDeadline: read("submissionDeadline"),
      status: read("status"),
    });
  };
  const warnings = deadlineWarnings({ ...dates, today });
  const labels: Record<string, string> = {
    startsOn: t("startsOn"),
    endsOn: t("endsOn"),
    registrationDeadline: t("registrationDeadline"),
    submissionDeadline: t("submissionDeadline"),
    inPersonCapacity: t("capacity"),
    status: t("statusLabel"),
  };
  const field = (name: string, type: string, hint?: string) => (
    <TextField name={name} type={type} dir="ltr" label={labels[name] ?? name} hint={hint} {...f.field(name)} />
  );
  return (
    <form action={f.formAction} onSubmit={f.onSubmit} onChange={onChange} noValidate className="max-w-xl">
      <FormErrorSummary f={f} labels={labels} />
      <div role="status" aria-live="polite">
        {warnings.length ? (
          <div className="mb-4 rounded border-2 border-amber-700 bg-amber-50 p-3" data-testid="deadline-warnings">
            <p className="font-semibold">{tw("title")}</p>
            <ul className="mt-1 list-disc ps-5">
              {warnings.map((w) => (
                <li key={`${w.field}-${w.kind}`}>
                  {w.kind === "afterEnd"
                    ? tw("afterEnd", { field: labels[w.field] ?? w.field, end: day(dates.endsOn) })
                    : tw("longPast", { field: labels[w.field] ?? w.field, days: w.days })}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
      <HiddenFields f={f} names={["consultationId", "version"]} />
      {field("startsOn", "date")}
      {field("endsOn", "date")}
      {field("registrationDeadline", "datetime-local", t("deadlineHint", { timeZone }))}
      {field("submissionDeadline", "datetime-local", t("deadlineHint", { timeZone }))}
      {field("inPersonCapacity", "number", t("capacityHint"))}
      <SelectField
        name="status"
        label={labels.status ?? ""}
        options={(["draft", "open", "closed"] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))}
        {...f.field("status")}
      />
      <SubmitButton label={tf("save")} pending={f.pending} />
    </form>
  );
}

export function InviteAnchorForm({ consultationId }: { consultationId: string }) {
  const t = useTranslations("secretariat");
  const locale = useLocale();
  const f = useSchemaForm(inviteAnchorSchema, inviteAnchorAction, idle);
  const labels = { email: t("anchorEmail"), locale: t("anchorLanguage") };
  return (
    <form action={f.formAction} onSubmit={f.onSubmit} noValidate className="mt-2 max-w-xl">
      <FormErrorSummary f={f} labels={labels} />
      <FormStatus state={f.state} successText={t("anchorInvited")} />
      <input type="hidden" value={consultationId} {...f.register("consultationId")} />
      <TextField name="email" type="email" dir="ltr" label={labels.email} required {...f.field("email")} />
      <SelectField name="locale" label={labels.locale} options={localeOptions} {...f.field("locale", locale)} />
      <SubmitButton label={t("inviteAnchorSubmit")} pending={f.pending} />
    </form>
  );
}

/** Where the consultation takes place and who anchors it (a later round's copy may move). */
export function ConsultationDetailsForm({
  initial,
  countries,
}: {
  initial: FormState;
  countries: { value: string; label: string }[];
}) {
  const t = useTranslations("rounds");
  const f = useSchemaForm(consultationDetailsSchema, updateConsultationDetailsAction, initial);
  const labels: Record<string, string> = {
    region: t("region"),
    city: t("city"),
    country: t("country"),
    timeZone: t("timeZone"),
    anchors: t("anchors"),
  };
  const text = (name: string, dir: "auto" | "ltr", hint?: string, optional = false) => (
    <TextField
      name={name}
      dir={dir}
      label={labels[name] ?? name}
      hint={hint}
      required={!optional}
      optional={optional}
      {...f.field(name)}
    />
  );
  return (
    <form
      action={f.formAction}
      onSubmit={f.onSubmit}
      noValidate
      className="max-w-xl"
      data-testid="consultation-details"
    >
      <FormErrorSummary f={f} labels={labels} />
      <HiddenFields f={f} names={["consultationId", "version"]} />
      {text("region", "auto")}
      {text("city", "auto")}
      <SelectField name="country" label={labels.country ?? ""} required options={countries} {...f.field("country")} />
      {text("timeZone", "ltr", t("timeZoneHint"))}
      {text("anchors", "auto", undefined, true)}
      {/* Not "Save": the page's first form has that button. */}
      <SubmitButton label={t("updateDetails")} pending={f.pending} />
    </form>
  );
}
