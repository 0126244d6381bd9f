"use client";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useFieldArray } from "react-hook-form";
import {
  FormErrorSummary,
  HiddenFields,
  LabelText,
  RequiredMark,
  RequiredNote,
  SelectField,
  SubmitButton,
  TextField,
} from "@/components/form/fields";
import { useSchemaForm } from "@/components/form/use-schema-form";
import type { FormState } from "@/lib/form-state";
import { ATTENDANCE_MODES, MAX_PARTICIPANTS } from "@/lib/registrations/fields";
import { nest } from "@/lib/validation";
import { saveRegistrationAction } from "./actions";

type Row = Record<string, string | boolean | undefined>;

export function RegistrationForm({
  initial,
  countries,
}: {
  initial: FormState;
  countries: { value: string; label: string }[];
}) {
  const t = useTranslations("registration");
  const tf = useTranslations("form");
  // Questions that apply only after a tick (the visa letter's nationality, the travel support's
  // reason) are hidden until ticked once the script runs; without it they stay, labelled for when.
  const [enhanced, setEnhanced] = useState(false);
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(() => setEnhanced(true), []);
  const f = useSchemaForm(
    // zod and the schema arrive after the page has hydrated (use-schema-form).
    () => import("@/lib/registrations/schemas").then((m) => m.registrationSchema),
    saveRegistrationAction,
    initial,
    (state) => {
      const rows = rowsOf(state.values ?? initial.values);
      return { participants: rows.length ? rows : [{ attendance: "in_person" }] };
    },
  );
  const rows = rowsOf(f.state.values ?? initial.values);
  const { fields, append, remove } = useFieldArray({ control: f.form.control, name: "participants" });

  const labels: Record<string, string> = { consent: t("consent"), participants: t("participantsTitle") };
  fields.forEach((_, i) => {
    for (const k of [
      "name",
      "title",
      "email",
      "attendance",
      "visaLetter",
      "nationality",
      "accessibility",
      "interpretationLanguage",
      "dietary",
      "travelSupport",
      "travelSupportReason",
    ]) {
      labels[`participants.${i}.${k}`] = `${t("participantN", { n: i + 1 })} – ${t(`fields.${k}` as never)}`;
    }
  });
  const v = (i: number, k: string) => f.value(`participants.${i}.${k}`) ?? (rows[i]?.[k] as string | undefined);
  const checked = (i: number, k: string) => rows[i]?.[k] === true;
  const ticked = (i: number, k: string) => {
    const w = f.form.watch(`participants.${i}.${k}`) as unknown;
    return w === undefined ? checked(i, k) : w === true || w === "on";
  };
  const applies = (i: number, k: string) =>
    !enhanced ||
    ticked(i, k) ||
    f.errorsFor(`participants.${i}.${k === "visaLetter" ? "nationality" : "travelSupportReason"}`).length > 0;

  return (
    <form action={f.formAction} onSubmit={f.onSubmit} noValidate>
      {/* Enter in a field submits with the first submit button: make it "save", not "remove". */}
      <button type="submit" tabIndex={-1} aria-hidden="true" className="absolute -start-[9999px]" />
      <FormErrorSummary f={f} labels={labels} />
      <RequiredNote />
      <HiddenFields f={f} names={["consultationId", "organisationId", "version"]} />
      <h2 id="field-participants" tabIndex={-1} className="text-xl font-semibold">
        {t("participantsTitle")}
      </h2>
      {f.errorsFor("participants").length ? (
        <p className="text-sm font-medium text-red-800">{f.errorsFor("participants").join(" ")}</p>
      ) : null}
      {fields.map((field, i) => {
        const n = (k: string) => `participants.${i}.${k}`;
        const text = (k: string, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
          <TextField
            name={n(k)}
            label={t(`fields.${k}` as never)}
            errors={f.errorsFor(n(k))}
            registration={f.register(n(k))}
            defaultValue={v(i, k)}
            dir="auto"
            {...extra}
          />
        );
        return (
          <fieldset key={field.id} className="mt-4 rounded border border-slate-300 p-4" data-testid="participant">
            <legend className="px-1 font-semibold">{t("participantN", { n: i + 1 })}</legend>
            <div className="grid gap-x-4 md:grid-cols-2">
              {text("name", { required: true, autoComplete: "off" })}
              {text("title", { optional: true })}
              {text("email", { type: "email", dir: "ltr", required: true, autoComplete: "off" })}
              <fieldset className="mb-4">
                <legend id={`field-${n("attendance")}`} className="font-medium">
                  <LabelText label={t("fields.attendance")} required />
                </legend>
                {ATTENDANCE_MODES.map((a) => (
                  <label key={a} className="me-4 inline-flex items-center gap-2">
                    <input
                      type="radio"
                      value={a}
                      defaultChecked={(v(i, "attendance") ?? "in_person") === a}
                      {...f.register(n("attendance"))}
                    />
                    {t(`attendance.${a}`)}
                  </label>
                ))}
              </fieldset>
            </div>
            <h3 className="mt-2 font-semibold">{t("needsTitle")}</h3>
            <div className="grid gap-x-4 md:grid-cols-2">
              <div className="mb-4">
                <label className="flex items-center gap-2" htmlFor={`field-${n("visaLetter")}`}>
                  <input
                    id={`field-${n("visaLetter")}`}
                    type="checkbox"
                    defaultChecked={checked(i, "visaLetter")}
                    {...f.register(n("visaLetter"))}
                  />
                  {t("fields.visaLetter")}
                </label>
                {f.errorsFor(n("visaLetter")).length ? (
                  <p className="text-sm font-medium text-red-800">{f.errorsFor(n("visaLetter")).join(" ")}</p>
                ) : null}
              </div>
              {applies(i, "visaLetter") ? (
                <SelectField
                  name={n("nationality")}
                  label={t("fields.nationality")}
                  // Shown once the visa letter is ticked, and then needed.
                  required={enhanced}
                  placeholder={tf("choose")}
                  options={countries}
                  errors={f.errorsFor(n("nationality"))}
                  registration={f.register(n("nationality"))}
                  defaultValue={v(i, "nationality")}
                />
              ) : (
                <div />
              )}
              {text("accessibility", { multiline: false, optional: true })}
              {text("interpretationLanguage", { optional: true })}
              {text("dietary", { optional: true })}
              <div className="mb-4">
                <label className="flex items-center gap-2" htmlFor={`field-${n("travelSupport")}`}>
                  <input
                    id={`field-${n("travelSupport")}`}
                    type="checkbox"
                    defaultChecked={checked(i, "travelSupport")}
                    {...f.register(n("travelSupport"))}
                  />
                  {t("fields.travelSupport")}
                </label>
              </div>
              {applies(i, "travelSupport")
                ? text("travelSupportReason", {
                    multiline: true,
                    required: enhanced,
                    label: enhanced ? t("fields.travelSupportReasonShown") : t("fields.travelSupportReason"),
                  })
                : null}
            </div>
            {fields.length > 1 ? (
              <button
                type="submit"
                name="intent"
                value={`remove:${i}`}
                formNoValidate
                onClick={(e) => {
                  e.preventDefault();
                  remove(i);
                }}
                className="text-red-800 underline"
              >
                {t("removeParticipant", { n: i + 1 })}
              </button>
            ) : null}
          </fieldset>
        );
      })}
      {fields.length < MAX_PARTICIPANTS ? (
        <p className="mt-3">
          <button
            type="submit"
            name="intent"
            value="add"
            formNoValidate
            onClick={(e) => {
              e.preventDefault();
              append({ attendance: "in_person" });
            }}
            className="rounded border border-brand px-4 py-1 text-brand"
          >
            {t("addParticipant")}
          </button>
        </p>
      ) : null}
      <fieldset className="mt-6 rounded border border-slate-300 p-4">
        <legend className="px-1 font-semibold">{t("consentTitle")}</legend>
        <p className="mb-2 text-sm">{t("consentPurpose")}</p>
        <label className="flex items-start gap-2" htmlFor="field-consent">
          <input
            id="field-consent"
            type="checkbox"
            className="mt-1"
            aria-describedby={f.errorsFor("consent").length ? "field-consent-error" : undefined}
            {...f.register("consent")}
          />
          <span>
            {t("consent")}
            <RequiredMark />
          </span>
        </label>
        {f.errorsFor("consent").length ? (
          <p id="field-consent-error" className="mt-1 text-sm font-medium text-red-800">
            {f.errorsFor("consent").join(" ")}
          </p>
        ) : null}
      </fieldset>
      <div className="mt-6">
        <SubmitButton label={t("submit")} pending={f.pending} />
      </div>
    </form>
  );
}

function rowsOf(values: FormState["values"]): Row[] {
  const nested = nest(values ?? {}) as { participants?: Row[] };
  return (nested.participants ?? []).map((p) => ({
    ...p,
    visaLetter: p.visaLetter === "on" || p.visaLetter === "true" || p.visaLetter === true,
    travelSupport: p.travelSupport === "on" || p.travelSupport === "true" || p.travelSupport === true,
  }));
}
