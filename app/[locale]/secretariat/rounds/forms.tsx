"use client";
// The secretariat's round forms: one zod schema each (lib/rounds/schemas.ts), checked here by
// react-hook-form and again by the server action; without JavaScript they post as plain forms and
// the server's messages show field by field.
import { useTranslations } from "next-intl";
import {
  FormErrorSummary,
  FormStatus,
  HiddenFields,
  SelectField,
  SubmitButton,
  TextField,
} from "@/components/form/fields";
import { useSchemaForm, type SchemaForm } from "@/components/form/use-schema-form";
import type { FormState } from "@/lib/form-state";
import { localeAutonyms, locales } from "@/lib/i18n/config";
import {
  ROUND_STATUSES,
  addConsultationSchema,
  addTopicGroupSchema,
  addTopicSchema,
  createRoundSchema,
  renameTopicSchema,
  updateRoundSchema,
} from "@/lib/rounds/schemas";
import {
  addConsultationAction,
  addTopicAction,
  addTopicGroupAction,
  createRoundAction,
  renameTopicAction,
  updateRoundAction,
} from "./actions";

function useLabels() {
  const t = useTranslations("rounds");
  const names = Object.fromEntries(locales.map((l) => [`names.${l}`, t("nameIn", { language: localeAutonyms[l] })]));
  return { t, names };
}

/** The four names of a round, topic or group: one field per UI language. */
function NameFields({ f }: { f: SchemaForm }) {
  const { names } = useLabels();
  return (
    <>
      {locales.map((l) => (
        <TextField
          key={l}
          name={`names.${l}`}
          label={names[`names.${l}`] ?? l}
          dir={l === "ar" ? "rtl" : "ltr"}
          required
          {...f.field(`names.${l}`)}
        />
      ))}
    </>
  );
}

export function CreateRoundForm({ initial, rounds }: { initial: FormState; rounds: { id: string; name: string }[] }) {
  const { t, names } = useLabels();
  const f = useSchemaForm(createRoundSchema, createRoundAction, initial);
  const labels = { slug: t("slug"), startsOn: t("startsOn"), endsOn: t("endsOn"), copyFrom: t("copyFrom"), ...names };
  return (
    <form action={f.formAction} onSubmit={f.onSubmit} noValidate className="max-w-xl" data-testid="create-round">
      <FormErrorSummary f={f} labels={labels} />
      <TextField name="slug" label={labels.slug} hint={t("slugHint")} dir="ltr" required {...f.field("slug")} />
      <NameFields f={f} />
      <TextField name="startsOn" type="date" dir="ltr" label={labels.startsOn} required {...f.field("startsOn")} />
      <TextField name="endsOn" type="date" dir="ltr" label={labels.endsOn} required {...f.field("endsOn")} />
      <SelectField
        name="copyFrom"
        label={labels.copyFrom}
        hint={t("copyFromHint")}
        placeholder={t("copyNothing")}
        options={rounds.map((r) => ({ value: r.id, label: r.name }))}
        {...f.field("copyFrom", rounds[0]?.id ?? "")}
      />
      <div className="mb-4 flex items-start gap-2">
        <input
          type="checkbox"
          id="field-copyAnchors"
          value="on"
          defaultChecked={f.state.values ? f.value("copyAnchors") === "on" : true}
          {...f.register("copyAnchors")}
          className="mt-1"
        />
        <label htmlFor="field-copyAnchors">{t("copyAnchors")}</label>
      </div>
      <div className="mb-4 flex items-start gap-2">
        <input
          type="checkbox"
          id="field-copyTopics"
          value="on"
          defaultChecked={f.state.values ? f.value("copyTopics") === "on" : false}
          {...f.register("copyTopics")}
          className="mt-1"
        />
        <label htmlFor="field-copyTopics">{t("copyTopics")}</label>
      </div>
      <SubmitButton label={t("create")} pending={f.pending} />
    </form>
  );
}

export function UpdateRoundForm({ initial }: { initial: FormState }) {
  const { t, names } = useLabels();
  const f = useSchemaForm(updateRoundSchema, updateRoundAction, initial);
  const labels = { startsOn: t("startsOn"), endsOn: t("endsOn"), status: t("statusLabel"), ...names };
  return (
    <form action={f.formAction} onSubmit={f.onSubmit} noValidate className="max-w-xl" data-testid="update-round">
      <FormErrorSummary f={f} labels={labels} />
      <HiddenFields f={f} names={["roundId", "version"]} />
      <NameFields f={f} />
      <TextField name="startsOn" type="date" dir="ltr" label={labels.startsOn} required {...f.field("startsOn")} />
      <TextField name="endsOn" type="date" dir="ltr" label={labels.endsOn} required {...f.field("endsOn")} />
      <SelectField
        name="status"
        label={labels.status}
        options={ROUND_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        {...f.field("status")}
      />
      <SubmitButton label={t("save")} pending={f.pending} />
    </form>
  );
}

export function AddConsultationForm({
  initial,
  countries,
}: {
  initial: FormState;
  countries: { value: string; label: string }[];
}) {
  const { t } = useLabels();
  const f = useSchemaForm(addConsultationSchema, addConsultationAction, initial);
  const labels: Record<string, string> = {
    slug: t("consultationSlug"),
    code: t("code"),
    region: t("region"),
    city: t("city"),
    country: t("country"),
    startsOn: t("startsOn"),
    endsOn: t("endsOn"),
    timeZone: t("timeZone"),
    anchors: t("anchors"),
    inPersonCapacity: t("capacity"),
    registrationDeadline: t("registrationDeadline"),
    submissionDeadline: t("submissionDeadline"),
  };
  const hints: Record<string, string> = {
    slug: t("consultationSlugHint"),
    code: t("codeHint"),
    timeZone: t("timeZoneHint"),
    inPersonCapacity: t("capacityHint"),
    registrationDeadline: t("deadlineHint"),
    submissionDeadline: t("deadlineHint"),
  };
  const types: Record<string, string> = {
    startsOn: "date",
    endsOn: "date",
    inPersonCapacity: "number",
    registrationDeadline: "datetime-local",
    submissionDeadline: "datetime-local",
  };
  const optional = new Set(["anchors", "inPersonCapacity", "registrationDeadline", "submissionDeadline"]);
  const ltr = new Set([
    "slug",
    "code",
    "timeZone",
    "startsOn",
    "endsOn",
    "inPersonCapacity",
    "registrationDeadline",
    "submissionDeadline",
  ]);
  const field = (name: string) => (
    <TextField
      key={name}
      name={name}
      type={types[name] ?? "text"}
      dir={ltr.has(name) ? "ltr" : "auto"}
      label={labels[name] ?? name}
      hint={hints[name]}
      required={!optional.has(name)}
      optional={optional.has(name)}
      {...f.field(name)}
    />
  );
  return (
    <form action={f.formAction} onSubmit={f.onSubmit} noValidate className="max-w-xl" data-testid="add-consultation">
      <FormErrorSummary f={f} labels={labels} />
      <HiddenFields f={f} names={["roundId", "roundSlug", "version"]} />
      {["slug", "code", "region", "city"].map(field)}
      <SelectField
        name="country"
        label={labels.country ?? ""}
        required
        placeholder=""
        options={countries}
        {...f.field("country")}
      />
      {[
        "startsOn",
        "endsOn",
        "timeZone",
        "anchors",
        "inPersonCapacity",
        "registrationDeadline",
        "submissionDeadline",
      ].map(field)}
      <SubmitButton label={t("addConsultation")} pending={f.pending} />
    </form>
  );
}

export function AddTopicForm({ initial, groups }: { initial: FormState; groups: { id: string; name: string }[] }) {
  const { t, names } = useLabels();
  const f = useSchemaForm(addTopicSchema, addTopicAction, initial);
  const labels = { groupId: t("group"), ...names };
  return (
    <form action={f.formAction} onSubmit={f.onSubmit} noValidate className="max-w-xl" data-testid="add-topic">
      <FormErrorSummary f={f} labels={labels} />
      <FormStatus state={f.state} />
      <HiddenFields f={f} names={["roundId", "roundSlug", "version"]} />
      <NameFields f={f} />
      {groups.length ? (
        <SelectField
          name="groupId"
          label={labels.groupId}
          optional
          placeholder={t("noGroup")}
          options={groups.map((g) => ({ value: g.id, label: g.name }))}
          {...f.field("groupId")}
        />
      ) : null}
      <SubmitButton label={t("addTopic")} pending={f.pending} />
    </form>
  );
}

export function RenameTopicForm({ initial }: { initial: FormState }) {
  const { t, names } = useLabels();
  const f = useSchemaForm(renameTopicSchema, renameTopicAction, initial);
  return (
    <form action={f.formAction} onSubmit={f.onSubmit} noValidate className="max-w-xl" data-testid="rename-topic">
      <FormErrorSummary f={f} labels={names} />
      <HiddenFields f={f} names={["roundId", "roundSlug", "version", "topicId"]} />
      <NameFields f={f} />
      <SubmitButton label={t("save")} pending={f.pending} />
    </form>
  );
}

export function AddTopicGroupForm({ initial }: { initial: FormState }) {
  const { t, names } = useLabels();
  const f = useSchemaForm(addTopicGroupSchema, addTopicGroupAction, initial);
  return (
    <form action={f.formAction} onSubmit={f.onSubmit} noValidate className="max-w-xl" data-testid="add-group">
      <FormErrorSummary f={f} labels={names} />
      <HiddenFields f={f} names={["roundId", "roundSlug", "version"]} />
      <NameFields f={f} />
      <SubmitButton label={t("addGroup")} pending={f.pending} />
    </form>
  );
}
