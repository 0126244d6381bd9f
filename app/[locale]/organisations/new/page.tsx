import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { organisationFormOptions } from "@/components/organisation-form-options";
import { requirePageActor } from "@/lib/auth/page";
import { defaultLocale, isLocale } from "@/lib/i18n/config";
import { createOrganisationAction } from "../actions";
import { OrganisationForm } from "../organisation-form";

export default async function NewOrganisationPage({ params }: PageProps<"/[locale]/organisations/new">) {
  const { locale } = await params;
  await requirePageActor(locale, "/organisations/new");
  const t = await getTranslations("organisation");
  return (
    <>
      <h1 className="text-3xl font-bold">{t("createTitle")}</h1>
      <p className="mt-2 max-w-2xl">{t("createLead")}</p>
      <div className="mt-6">
        <ClientMessages namespaces={["organisation"]}>
          <OrganisationForm
            action={createOrganisationAction}
            submitLabel={t("createSubmit")}
            {...organisationFormOptions(isLocale(locale) ? locale : defaultLocale)}
          />
        </ClientMessages>
      </div>
    </>
  );
}
