"use client";
// The anchors' form for an input received by e-mail, paper or voice: the organisation (chosen, or
// created here), the channel, and the same content fields as the organisation's own form. One zod
// schema with the server; a plain form post without JavaScript.
import { useTranslations } from "next-intl";
import { FormErrorSummary, HiddenFields, SelectField, SubmitButton, TextField } from "@/components/form/fields";
import { useSchemaForm } from "@/components/form/use-schema-form";
import {
  contentDefaults,
  SubmissionContentFields,
  useSubmissionFieldLabels,
  type Option,
} from "@/components/submission-fields";
import type { FormState } from "@/lib/form-state";
import { behalfChannels, behalfSubmissionSchema } from "@/lib/submissions/schemas";
import { enterOnBehalfAction } from "./actions";
import { ORGANISATION_TYPES } from "@/lib/organisations/schemas";

export function BehalfForm({
  initial,
  slug,
  themes,
  countries,
  languages,
  emailLanguages,
}: {
  initial: FormState;
  slug: string;
  themes: Option[];
  countries: Option[];
  languages: Option[];
  emailLanguages: Option[];
}) {
  const t = useTranslations("behalf");
  const to = useTranslations("organisation");
  const tf = useTranslations("form");
  const f = useSchemaForm(behalfSubmissionSchema, enterOnBehalfAction, initial, (state) => {
    const values = state.values ?? initial.values ?? {};
    const one = (k: string) => {
      const x = values[k];
      return Array.isArray(x) ? (x[0] ?? "") : (x ?? "");
    };
    const mode = one("organisation.mode");
    return {
      ...contentDefaults(values),
      consultationId: one("consultationId"),
      idempotencyKey: one("idempotencyKey"),
      channel: one("channel") || undefined,
      organisation:
        mode === "new"
          ? {
              mode,
              name: one("organisation.name"),
              country: one("organisation.country"),
              type: one("organisation.type"),
              contactEmail: one("organisation.contactEmail"),
              locale: one("organisation.locale"),
            }
          : { mode, id: one("organisation.id") },
    };
  });
  const v = f.value;
  const isNew = v("organisation.mode") === "new";
  const labels: Record<string, string> = {
    ...useSubmissionFieldLabels(),
    channel: t("channelLegend"),
    "organisation.name": to("name"),
    "organisation.country": to("country"),
    "organisation.type": to("type"),
    "organisation.contactEmail": to("contactEmail"),
    "organisation.locale": to("emailLanguage"),
  };

  return (
    <form action={f.formAction} onSubmit={f.onSubmit} noValidate encType="multipart/form-data">
      <FormErrorSummary f={f} labels={labels} />
      <input type="hidden" name="slug" value={slug} />
      <HiddenFields f={f} names={["consultationId", "idempotencyKey", "organisation.mode"]} />
      {isNew ? null : <input type="hidden" defaultValue={v("organisation.id")} {...f.register("organisation.id")} />}

      {isNew ? (
        <fieldset className="mb-6 rounded border border-slate-300 p-4">
          <legend className="px-1 font-semibold">{t("newOrganisationTitle")}</legend>
          <p className="mb-3 text-sm text-slate-700">{t("newOrganisationHint")}</p>
          <TextField
            name="organisation.name"
            label={labels["organisation.name"]!}
            required
            dir="auto"
            {...f.field("organisation.name")}
          />
          <SelectField
            name="organisation.country"
            label={labels["organisation.country"]!}
            placeholder={tf("choose")}
            options={countries}
            {...f.field("organisation.country")}
          />
          <SelectField
            name="organisation.type"
            label={labels["organisation.type"]!}
            placeholder={tf("choose")}
            options={ORGANISATION_TYPES.map((ty) => ({ value: ty, label: to(`types.${ty}`) }))}
            {...f.field("organisation.type")}
          />
          <TextField
            name="organisation.contactEmail"
            type="email"
            label={labels["organisation.contactEmail"]!}
            hint={t("organisationEmailHint")}
            dir="ltr"
            {...f.field("organisation.contactEmail")}
          />
          <SelectField
            name="organisation.locale"
            label={labels["organisation.locale"]!}
            options={emailLanguages}
            {...f.field("organisation.locale")}
          />
        </fieldset>
      ) : null}

      <fieldset className="mb-6" aria-describedby={f.errorsFor("channel").length ? "field-channel-error" : undefined}>
        <legend id="field-channel" tabIndex={-1} className="font-medium">
          {labels.channel}
        </legend>
        {behalfChannels.map((ch) => (
          <label key={ch} className="mt-1 flex items-center gap-2">
            <input type="radio" value={ch} defaultChecked={v("channel") === ch} {...f.register("channel")} />
            {t(`channels.${ch}`)}
          </label>
        ))}
        {f.errorsFor("channel").length ? (
          <p id="field-channel-error" className="mt-1 text-sm font-medium text-red-800">
            {f.errorsFor("channel").join(" ")}
          </p>
        ) : null}
      </fieldset>

      <SubmissionContentFields
        f={f}
        labels={labels}
        themes={themes}
        countries={countries}
        languages={languages}
        attachmentSlots={3}
        contactEmailRequired={false}
      />

      <SubmitButton label={t("submit")} pending={f.pending} />
    </form>
  );
}
