import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { ClearOrganisationCopies } from "@/components/clear-local-copy";
import { LocaleLink } from "@/components/locale-link";
import { Notice } from "@/components/notice";
import { OrganisationActivity } from "@/components/organisation-activity";
import { Section } from "@/components/section";
import { requirePageActor } from "@/lib/auth/page";
import { listPublicConsultations } from "@/lib/consultations/queries";
import { listMyOrganisations } from "@/lib/organisations";
import { regionNames } from "@/lib/i18n/regions";
import { signOutAction, signOutEverywhereAction } from "./actions";
import { PreferencesForm } from "./preferences-form";

export default async function AccountPage({ params, searchParams }: PageProps<"/[locale]/account">) {
  const { locale } = await params;
  const actor = await requirePageActor(locale, "/account");
  const t = await getTranslations("account");
  const tOrg = await getTranslations("organisation");
  const orgs = await listMyOrganisations({ actor });
  const consultations = actor.anchorOf.length ? await listPublicConsultations() : [];
  const anchored = await Promise.all(
    consultations.filter((c) => actor.anchorOf.includes(c.id)).map(async (c) => ({ c, names: await regionNames(c) })),
  );
  const sp = await searchParams;
  const cleared = typeof sp.cleared === "string" && /^[0-9a-f-]{36}$/i.test(sp.cleared) ? sp.cleared : null;
  return (
    <>
      <Notice searchParams={sp} />
      {cleared ? <ClearOrganisationCopies organisationId={cleared} /> : null}
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2" dir="auto">
        {t("signedInAs", { email: actor.email })}
      </p>

      <Section id="orgs" title={t("organisationsTitle")} className="mt-6">
        {orgs.length === 0 ? <p className="mt-2">{t("noOrganisation")}</p> : null}
        {orgs.map((o) => (
          <div key={o.id} className="mt-4 rounded border border-slate-300 p-4" data-testid="account-organisation">
            <p>
              <LocaleLink
                href={`/organisations/${o.id}`}
                className="text-lg font-semibold text-brand underline"
                dir="auto"
              >
                {o.name}
              </LocaleLink>{" "}
              · {tOrg(`roles.${o.role}`)}
            </p>
            <OrganisationActivity actor={actor} organisationId={o.id} headingLevel={3} />
          </div>
        ))}
        <p className="mt-3">
          <LocaleLink href="/organisations/new" className="font-medium text-brand underline">
            {t("createOrganisation")}
          </LocaleLink>
        </p>
      </Section>

      <Section id="roles" title={t("rolesTitle")} className="mt-6">
        <ul className="mt-2 list-disc ps-6">
          {actor.secretariat ? (
            <li>
              <LocaleLink href="/secretariat" className="text-brand underline">
                {t("secretariatRole")}
              </LocaleLink>
            </li>
          ) : null}
          {anchored.map(({ c, names }) => (
            <li key={c.id}>
              {t("anchorRole", { region: names.region })} ·{" "}
              <LocaleLink href={`/moderation/${c.slug}/registrations`} className="text-brand underline">
                {t("moderateRegistrations")}
              </LocaleLink>
            </li>
          ))}
          {!actor.secretariat && anchored.length === 0 ? <li>{t("noRoles")}</li> : null}
        </ul>
      </Section>

      <Section id="prefs" title={t("preferencesTitle")} className="mt-6">
        <p className="mt-1 text-sm">{t("languageHint")}</p>
        <div className="mt-2">
          <ClientMessages namespaces={["account"]}>
            <PreferencesForm initial={{ status: "idle", values: { name: actor.name ?? "", locale: actor.locale } }} />
          </ClientMessages>
        </div>
      </Section>

      <div className="mt-8 flex flex-wrap gap-3">
        <form action={signOutAction}>
          <button type="submit" className="rounded border border-slate-600 px-4 py-2">
            {t("signOut")}
          </button>
        </form>
        <form action={signOutEverywhereAction}>
          <button type="submit" className="rounded border border-slate-600 px-4 py-2">
            {t("signOutEverywhere")}
          </button>
        </form>
      </div>
      <p className="mt-2 max-w-2xl text-sm text-slate-700">{t("signOutHint")}</p>
    </>
  );
}
