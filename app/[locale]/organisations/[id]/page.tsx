import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { Forbidden } from "@/components/forbidden";
import { Notice } from "@/components/notice";
import { OrganisationActivity } from "@/components/organisation-activity";
import { isMember, isOwner } from "@/lib/auth/actor";
import { loadOrDeny, requirePageActor } from "@/lib/auth/page";
import { organisationFormOptions } from "@/components/organisation-form-options";
import { TableHead } from "@/components/table-head";
import { Section } from "@/components/section";
import { countryName, languageList } from "@/lib/i18n/names";
import { defaultLocale, isLocale } from "@/lib/i18n/config";
import { httpHref } from "@/lib/safe-href";
import { canVerifyOrganisation, getOrganisation, listMembers } from "@/lib/organisations";
import { DeleteOrganisationForm } from "../delete-form";
import { removeMemberAction, setVerifiedAction, transferOwnershipAction, updateOrganisationAction } from "../actions";
import { InviteMemberForm } from "../invite-form";
import { OrganisationForm } from "../organisation-form";

export default async function OrganisationPage({ params, searchParams }: PageProps<"/[locale]/organisations/[id]">) {
  const { locale: raw, id } = await params;
  const locale = isLocale(raw) ? raw : defaultLocale;
  const actor = await requirePageActor(locale, `/organisations/${id}`);
  if (!/^[0-9a-f-]{36}$/i.test(id)) return <Forbidden />;
  const org = await loadOrDeny(() => getOrganisation({ actor, organisationId: id }));
  if (!org) return <Forbidden />;
  const t = await getTranslations("organisation");
  const member = isMember(actor, org.id);
  const owner = isOwner(actor, org.id);
  const members = member ? await listMembers({ actor, organisationId: org.id }) : [];
  const canVerify = await canVerifyOrganisation({ actor, organisationId: org.id });
  const initial = {
    status: "idle" as const,
    values: {
      name: org.name,
      acronym: org.acronym ?? "",
      country: org.country,
      city: org.city ?? "",
      website: org.website ?? "",
      type: org.type,
      workingLanguages: org.workingLanguages,
      contactEmail: org.contactEmail ?? "",
      locale: org.locale,
    },
  };
  const website = httpHref(org.website);
  return (
    <>
      <Notice searchParams={await searchParams} />
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-3xl font-bold" dir="auto">
          {org.name}
          {org.acronym ? ` (${org.acronym})` : ""}
        </h1>
        <span
          className={`rounded px-2 py-0.5 text-sm ${org.verifiedAt ? "bg-green-100 text-green-900" : "bg-slate-200 text-slate-900"}`}
        >
          {org.verifiedAt ? t("verified") : t("unverified")}
        </span>
      </div>
      <dl className="mt-4 grid max-w-2xl grid-cols-[minmax(8rem,auto)_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">{t("type")}</dt>
        <dd>{t(`types.${org.type}`)}</dd>
        <dt className="font-semibold">{t("country")}</dt>
        <dd>
          {countryName(locale, org.country)}
          {org.city ? ` · ${org.city}` : ""}
        </dd>
        <dt className="font-semibold">{t("workingLanguages")}</dt>
        <dd>{languageList(locale, org.workingLanguages)}</dd>
        <dt className="font-semibold">{t("contactEmail")}</dt>
        <dd dir="ltr">{org.contactEmail ?? "—"}</dd>
        {org.website ? (
          <>
            <dt className="font-semibold">{t("website")}</dt>
            <dd dir="ltr">
              {website ? (
                <a href={website} rel="nofollow noopener noreferrer" className="text-brand underline">
                  {org.website}
                </a>
              ) : (
                org.website
              )}
            </dd>
          </>
        ) : null}
      </dl>

      {member ? <OrganisationActivity actor={actor} organisationId={org.id} /> : null}

      {canVerify ? (
        <form action={setVerifiedAction} className="mt-4">
          <input type="hidden" name="organisationId" value={org.id} />
          <input type="hidden" name="verified" value={org.verifiedAt ? "false" : "true"} />
          <button type="submit" className="rounded border border-brand px-4 py-1 text-brand">
            {org.verifiedAt ? t("unverify") : t("verify")}
          </button>
        </form>
      ) : null}

      {member ? (
        <Section id="members" title={t("membersTitle")} className="mt-8">
          <table className="mt-2 w-full max-w-3xl text-start">
            <TableHead
              cellClassName="py-1 text-start"
              columns={[t("memberEmail"), t("memberRole"), t("memberActions")]}
            />
            <tbody>
              {members.map((m) => (
                <tr key={m.userId} className="border-b align-top" data-testid="member-row">
                  <td className="py-1" dir="ltr">
                    {m.email}
                  </td>
                  <td className="py-1">{t(`roles.${m.role}`)}</td>
                  <td className="flex flex-wrap gap-2 py-1">
                    {owner && m.userId !== actor.userId && m.role === "member" ? (
                      <form action={transferOwnershipAction}>
                        <input type="hidden" name="organisationId" value={org.id} />
                        <input type="hidden" name="userId" value={m.userId} />
                        <button type="submit" className="underline">
                          {t("makeOwner")}
                        </button>
                      </form>
                    ) : null}
                    {(owner && m.userId !== actor.userId) || m.userId === actor.userId ? (
                      <form action={removeMemberAction}>
                        <input type="hidden" name="organisationId" value={org.id} />
                        <input type="hidden" name="userId" value={m.userId} />
                        <button type="submit" className="text-red-800 underline">
                          {m.userId === actor.userId ? t("leave") : t("remove")}
                        </button>
                      </form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      ) : null}

      {owner ? (
        <ClientMessages namespaces={["organisation"]}>
          <Section id="invite" title={t("inviteTitle")} className="mt-8">
            <div className="mt-2">
              <InviteMemberForm organisationId={org.id} />
            </div>
          </Section>
          <Section id="edit" title={t("editTitle")} className="mt-8">
            <div className="mt-2">
              <OrganisationForm
                action={updateOrganisationAction}
                initial={initial}
                organisationId={org.id}
                submitLabel={t("editSubmit")}
                {...organisationFormOptions(locale)}
              />
            </div>
          </Section>
          <Section id="data" title={t("dataTitle")} className="mt-8">
            <p className="mt-2 max-w-2xl">{t("exportLead")}</p>
            <p className="mt-2">
              {/* A plain link to the route handler: a download, not a page. */}
              <a href={`/api/organisations/${org.id}/export`} download className="font-medium text-brand underline">
                {t("exportLink")}
              </a>
            </p>
            <h3 className="mt-6 text-lg font-semibold">{t("deleteTitle")}</h3>
            <p className="mt-2 max-w-2xl">{t("deleteLead")}</p>
            <div className="mt-2">
              <DeleteOrganisationForm organisationId={org.id} name={org.name} />
            </div>
          </Section>
        </ClientMessages>
      ) : null}
    </>
  );
}
