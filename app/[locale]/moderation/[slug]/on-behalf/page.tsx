import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { Forbidden } from "@/components/forbidden";
import { LocaleLink } from "@/components/locale-link";
import { submissionFormOptions } from "@/components/submission-form-options";
import { Section } from "@/components/section";
import { loadOrDeny } from "@/lib/auth/page";
import { localeOptions } from "@/lib/i18n/config";
import { countryName } from "@/lib/i18n/format";
import { regionNames } from "@/lib/i18n/regions";
import { getOrganisationForBehalf, searchOrganisationsForBehalf } from "@/lib/submissions";
import { newIdempotencyKey } from "@/lib/submissions/form-values";
import { organisationSearchSchema } from "@/lib/submissions/schemas";
import { BehalfForm } from "./behalf-form";
import { deadlineInZone } from "@/lib/i18n/zones";
import { isBeforeDeadline } from "@/lib/consultations/phase";
import { loadModerationPage } from "../load";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An anchor enters an input an organisation sent by e-mail, on paper or by voice. */
export default async function OnBehalfPage({
  params,
  searchParams,
}: PageProps<"/[locale]/moderation/[slug]/on-behalf">) {
  const { locale, slug, actor, c } = await loadModerationPage(params, "/on-behalf");
  const sp = await searchParams;
  if (!c) return <Forbidden />;
  const t = await getTranslations("behalf");
  const to = await getTranslations("organisation");
  const tm = await getTranslations("moderation");
  const { region } = await regionNames(c);
  const { q, page = 1 } = organisationSearchSchema.parse({ q: sp.q, page: sp.page });
  const orgParam = typeof sp.org === "string" ? sp.org : undefined;
  const chosen =
    orgParam && UUID.test(orgParam)
      ? await loadOrDeny(() => getOrganisationForBehalf({ actor, consultationId: c.id, organisationId: orgParam }))
      : null;
  const isNew = orgParam === "new";
  const search =
    !chosen && !isNew && q ? await searchOrganisationsForBehalf({ actor, consultationId: c.id, q, page }) : null;
  const base = `/moderation/${slug}/on-behalf`;
  const withQuery = (extra: Record<string, string | number | undefined>) => {
    const u = new URLSearchParams();
    for (const [k, v] of Object.entries({ q, ...extra })) if (v !== undefined && v !== "") u.set(k, String(v));
    const s = u.toString();
    return s ? `${base}?${s}` : base;
  };
  const afterDeadline = !isBeforeDeadline(c.submissionDeadline, new Date());

  return (
    <>
      <p>
        <LocaleLink href={`/moderation/${slug}`} className="text-brand underline">
          {tm("backToQueue")}
        </LocaleLink>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{t("title")}</h1>
      <p className="mt-1">{t("consultation", { region })}</p>
      <p className="mt-2 max-w-3xl text-sm">{t("lead")}</p>
      {c.status !== "open" ? (
        <p role="status" className="mt-6 rounded border-2 border-amber-700 bg-amber-50 p-3">
          {(await getTranslations("errors"))("consultationClosed")}
        </p>
      ) : (
        <>
          {afterDeadline && c.submissionDeadline ? (
            <p
              className="mt-4 max-w-3xl rounded border-2 border-amber-700 bg-amber-50 p-3 text-sm"
              data-testid="after-deadline"
            >
              {t("afterDeadline", await deadlineInZone(locale, c.submissionDeadline, c))}
            </p>
          ) : null}

          <Section id="behalf-organisation" title={t("organisationTitle")} className="mt-6 max-w-3xl">
            {chosen || isNew ? (
              <p className="mt-2" data-testid="behalf-chosen">
                {chosen ? (
                  <span dir="auto">
                    {t("chosen", { organisation: chosen.acronym ? `${chosen.name} (${chosen.acronym})` : chosen.name })}{" "}
                    · {countryName(locale, chosen.country)} · {chosen.verified ? tm("verified") : tm("unverified")}
                  </span>
                ) : (
                  <span>{t("newOrganisation")}</span>
                )}{" "}
                <LocaleLink href={withQuery({})} className="text-brand underline">
                  {t("changeOrganisation")}
                </LocaleLink>
              </p>
            ) : (
              <>
                <form
                  method="get"
                  role="search"
                  aria-label={t("searchTitle")}
                  className="mt-2 flex flex-wrap items-end gap-2"
                >
                  <label className="flex flex-col">
                    <span className="font-medium">{t("searchLabel")}</span>
                    <input
                      type="search"
                      name="q"
                      defaultValue={q ?? ""}
                      maxLength={100}
                      dir="auto"
                      className="rounded border border-slate-500 px-2 py-1"
                    />
                  </label>
                  <button type="submit" className="rounded bg-brand px-4 py-1 text-white">
                    {t("search")}
                  </button>
                </form>
                {search ? (
                  search.rows.length === 0 ? (
                    <p className="mt-3" role="status">
                      {t("noResults")}
                    </p>
                  ) : (
                    <>
                      <h3 className="mt-3 font-semibold">{t("results")}</h3>
                      <ul className="mt-1 space-y-1" data-testid="behalf-results">
                        {search.rows.map((o) => (
                          <li key={o.id}>
                            <LocaleLink href={`${base}?org=${o.id}`} className="text-brand underline" dir="auto">
                              {o.acronym ? `${o.name} (${o.acronym})` : o.name}
                            </LocaleLink>
                            <span className="text-sm text-slate-700">
                              {" "}
                              · {countryName(locale, o.country)} · {to(`types.${o.type}`)} ·{" "}
                              {o.verified ? tm("verified") : tm("unverified")}
                            </span>
                          </li>
                        ))}
                      </ul>
                      <nav aria-label={t("resultPages")} className="mt-2 flex gap-4 text-sm">
                        {page > 1 ? (
                          <LocaleLink href={withQuery({ page: page - 1 })} className="underline">
                            {t("previousResults")}
                          </LocaleLink>
                        ) : null}
                        {search.more ? (
                          <LocaleLink href={withQuery({ page: page + 1 })} className="underline">
                            {t("moreResults")}
                          </LocaleLink>
                        ) : null}
                      </nav>
                    </>
                  )
                ) : null}
                <p className="mt-4">
                  <LocaleLink href={`${base}?org=new`} className="text-brand underline">
                    {t("createNew")}
                  </LocaleLink>
                </p>
              </>
            )}
          </Section>

          {chosen || isNew ? (
            <Section
              id="behalf-input"
              title={t("inputTitle")}
              className="mt-8 max-w-3xl"
              headingClassName="mb-4 text-xl font-semibold"
            >
              <ClientMessages namespaces={["submission", "behalf", "organisation"]}>
                <BehalfForm
                  slug={slug}
                  initial={{
                    status: "idle",
                    values: {
                      consultationId: c.id,
                      idempotencyKey: newIdempotencyKey(),
                      "organisation.mode": isNew ? "new" : "existing",
                      ...(chosen ? { "organisation.id": chosen.id } : { "organisation.locale": locale }),
                      language: locale,
                    },
                  }}
                  emailLanguages={localeOptions}
                  {...await submissionFormOptions(locale, c.roundId)}
                />
              </ClientMessages>
            </Section>
          ) : null}
        </>
      )}
    </>
  );
}
