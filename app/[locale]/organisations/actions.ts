"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import * as z from "zod/mini";
import { buttonAction, formAction } from "@/lib/actions";
import { DomainError } from "@/lib/errors";
import {
  createOrganisation,
  inviteMember,
  removeMember,
  setOrganisationVerified,
  transferOwnership,
  updateOrganisation,
} from "@/lib/organisations";
import { deleteOrganisation } from "@/lib/organisations/data";
import { deleteOrganisationSchema, inviteMemberSchema, organisationSchema } from "@/lib/organisations/schemas";

export const createOrganisationAction = formAction({
  schema: organisationSchema,
  arrays: ["workingLanguages"],
  run: async ({ actor, input, locale }) => {
    const id = await createOrganisation({ actor, input });
    redirect(`/${locale}/organisations/${id}?ok=organisationCreated`);
  },
});

const updateSchema = z.extend(organisationSchema, { organisationId: z.uuid() });

export const updateOrganisationAction = formAction({
  schema: updateSchema,
  arrays: ["workingLanguages"],
  run: async ({ actor, input: { organisationId, ...input }, locale }) => {
    await updateOrganisation({ actor, organisationId, input });
    revalidatePath(`/${locale}/organisations/${organisationId}`);
    return { status: "success" };
  },
});

export const inviteMemberAction = formAction({
  schema: inviteMemberSchema,
  run: async ({ actor, input }) => {
    await inviteMember({ actor, input });
    return { status: "success" };
  },
});

const memberTarget = z.object({ organisationId: z.uuid(), userId: z.string().check(z.minLength(1), z.maxLength(100)) });
const backToOrg = (raw: Record<string, unknown>, locale: string) =>
  `/${locale}/organisations/${typeof raw.organisationId === "string" ? encodeURIComponent(raw.organisationId) : ""}`;

export const removeMemberAction = buttonAction({
  schema: memberTarget,
  back: backToOrg,
  run: async ({ actor, input, locale }) => {
    await removeMember({ actor, ...input });
    // Leaving: the organisation page is no longer yours.
    if (input.userId === actor.userId) return { to: `/${locale}/account`, ok: "leftOrganisation" };
    return { to: `/${locale}/organisations/${input.organisationId}`, ok: "memberRemoved" };
  },
});

export const transferOwnershipAction = buttonAction({
  schema: memberTarget,
  back: backToOrg,
  run: async ({ actor, input, locale }) => {
    await transferOwnership({ actor, ...input });
    return { to: `/${locale}/organisations/${input.organisationId}`, ok: "ownershipTransferred" };
  },
});

export const setVerifiedAction = buttonAction({
  schema: z.object({ organisationId: z.uuid(), verified: z.enum(["true", "false"]) }),
  back: backToOrg,
  run: async ({ actor, input, locale }) => {
    await setOrganisationVerified({ actor, organisationId: input.organisationId, verified: input.verified === "true" });
    return {
      to: `/${locale}/organisations/${input.organisationId}`,
      ok: input.verified === "true" ? "verified" : "unverified",
    };
  },
});

export const deleteOrganisationAction = formAction({
  schema: deleteOrganisationSchema(),
  run: async ({ actor, input, locale, formData }) => {
    try {
      await deleteOrganisation({ actor, organisationId: input.organisationId, confirmName: input.confirmName });
    } catch (e) {
      if (!(e instanceof DomainError) || e.code !== "nameMismatch") throw e;
      const t = await getTranslations("validation");
      return {
        status: "error",
        fieldErrors: { confirmName: [t("nameMismatch")] },
        values: { organisationId: input.organisationId, confirmName: String(formData.get("confirmName") ?? "") },
      };
    }
    // The account page clears this browser's unsent copies of the organisation's inputs (?cleared=).
    redirect(`/${locale}/account?ok=organisationDeleted&cleared=${input.organisationId}`);
  },
});
