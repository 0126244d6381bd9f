"use client";
import { useTranslations } from "next-intl";
import { FormErrorSummary, TextField } from "@/components/form/fields";
import { useSchemaForm } from "@/components/form/use-schema-form";
import { idle } from "@/lib/form-state";
import { deleteOrganisationSchema } from "@/lib/organisations/schemas";
import { deleteOrganisationAction } from "./actions";

/** Deleting the organisation: its name typed again; works without JavaScript. */
export function DeleteOrganisationForm({ organisationId, name }: { organisationId: string; name: string }) {
  const t = useTranslations("organisation");
  const f = useSchemaForm(deleteOrganisationSchema(name), deleteOrganisationAction, idle);
  const labels = { confirmName: t("deleteConfirmLabel", { name }) };
  return (
    <form
      action={f.formAction}
      onSubmit={f.onSubmit}
      noValidate
      className="max-w-xl"
      data-testid="delete-organisation-form"
    >
      <FormErrorSummary f={f} labels={labels} />
      <input type="hidden" value={organisationId} {...f.register("organisationId")} />
      <TextField
        name="confirmName"
        dir="auto"
        autoComplete="off"
        label={labels.confirmName}
        required
        {...f.field("confirmName")}
      />
      <button
        type="submit"
        disabled={f.pending}
        aria-busy={f.pending || undefined}
        className="rounded bg-red-800 px-5 py-2 font-semibold text-white hover:bg-red-900 disabled:opacity-60"
      >
        {t("deleteSubmit")}
      </button>
    </form>
  );
}
