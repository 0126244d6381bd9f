import { getFormatter, getTranslations } from "next-intl/server";
import { LocaleLink } from "@/components/locale-link";
import { Notice } from "@/components/notice";
import { OrganisationActivity } from "@/components/organisation-activity";
import { Pager } from "@/components/pager";
import { TableHead } from "@/components/table-head";
import { requirePageActor } from "@/lib/auth/page";
import { listMyOrganisations } from "@/lib/organisations";
import { listOwnSubmissions } from "@/lib/submissions";

export default async function MySubmissionsPage({ params, searchParams }: PageProps<"/[locale]/submissions">) {
  const { locale } = await params;
  const sp = await searchParams;
  const actor = await requirePageActor(locale, "/submissions");
  const t = await getTranslations("mySubmissions");
  const format = await getFormatter();
  const tr = await getTranslations("regions");
  const tj = await getTranslations("journey");
  const tOrg = await getTranslations("organisation");
  const orgs = await listMyOrganisations({ actor });
  // ?org=<id>&page=<n> pages through one organisation's list; the others stay on their first page.
  const paged = typeof sp.org === "string" ? sp.org : undefined;
  const pageParam = Number(typeof sp.page === "string" ? sp.page : 1);
  const pageOf = (orgId: string) =>
    orgId === paged && Number.isInteger(pageParam) && pageParam >= 1 && pageParam <= 10_000 ? pageParam : 1;
  const sections = await Promise.all(
    orgs.map(async (o) => ({
      org: o,
      list: await listOwnSubmissions({ actor, organisationId: o.id, page: pageOf(o.id) }),
    })),
  );
  return (
    <>
      <Notice searchParams={sp} />
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      {orgs.length === 0 ? (
        <>
          <p className="mt-4 max-w-2xl">{tj("noOrganisationYet")}</p>
          <p className="mt-2">
            <LocaleLink href="/organisations/new" className="font-medium text-brand underline">
              {tOrg("createTitle")}
            </LocaleLink>
          </p>
        </>
      ) : null}
      {sections.map(({ org, list: { rows, page, pages } }) => (
        <section key={org.id} className="mt-6" aria-labelledby={`org-${org.id}`}>
          <h2 id={`org-${org.id}`} className="text-xl font-semibold" dir="auto">
            {org.name}
          </h2>
          {rows.length === 0 ? (
            <>
              <p className="mt-2">{tj("emptyInputs")}</p>
              <OrganisationActivity actor={actor} organisationId={org.id} headingLevel={3} />
            </>
          ) : (
            <table className="mt-2 w-full text-start text-sm">
              <TableHead columns={[t("reference"), t("consultation"), t("status"), t("updated")]} />
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} className="border-b" data-testid="my-submission">
                    <td>
                      <LocaleLink href={`/submissions/${r.id}`} className="text-brand underline" dir="auto">
                        {r.reference ?? t("draft")}
                        {" · "}
                        {r.title || "—"}
                      </LocaleLink>
                    </td>
                    <td>
                      {tr.has(`${r.consultationSlug}.name` as never)
                        ? tr(`${r.consultationSlug}.name` as never)
                        : r.consultationRegion}
                    </td>
                    <td>
                      {t(`statuses.${r.status}`)}
                      {r.enteredByAnchors ? (
                        <span className="block text-xs text-slate-700" data-testid="entered-by-anchors">
                          {t("enteredByAnchors")}
                        </span>
                      ) : null}
                    </td>
                    <td>{format.dateTime(r.updatedAt, { dateStyle: "medium", timeStyle: "short" })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pager page={page} pages={pages} href={(p) => `/submissions?org=${org.id}&page=${p}`} />
        </section>
      ))}
    </>
  );
}
