import { getTranslations } from "next-intl/server";
import { LocaleLink } from "@/components/locale-link";
import type { Actor } from "@/lib/auth/actor";
import { listPublicConsultations } from "@/lib/consultations/queries";
import { regionNames } from "@/lib/i18n/regions";
import { listOwnRegistrations } from "@/lib/registrations";
import { listOwnSubmissions } from "@/lib/submissions";
import { registrationPhase } from "@/lib/consultations/phase";

/**
 * Where an organisation stands in each consultation, and the next step offered beside it: its
 * registration (with status) or a link to register, its inputs (with status) or a link to write one.
 * Consultations closed to both, where it did nothing, are left out.
 */
export async function OrganisationActivity({ actor, organisationId, headingLevel = 2, now = new Date() }: { actor: Actor; organisationId: string; headingLevel?: 2 | 3; now?: Date }) {
  const [t, tr, ts, consultations, registrations, inputs] = await Promise.all([
    getTranslations("journey"),
    getTranslations("registration"),
    getTranslations("mySubmissions"),
    listPublicConsultations(now),
    listOwnRegistrations({ actor, organisationId }),
    listOwnSubmissions({ actor, organisationId, pageSize: 100 }),
  ]);
  const rows = await Promise.all(
    consultations.map(async (c) => {
      const registration = registrations.find((r) => r.consultationId === c.id);
      const own = inputs.rows.filter((s) => s.consultationSlug === c.slug);
      const canRegister = registrationPhase(c, now) === "open";
      const canSubmit = c.phase === "open";
      return { c, names: await regionNames(c), registration, own, canRegister, canSubmit };
    }),
  );
  const shown = rows.filter((r) => r.registration || r.own.length > 0 || r.canRegister || r.canSubmit);
  const H = `h${headingLevel}` as const;
  const id = `activity-${organisationId}`;
  return (
    <section aria-labelledby={id} className="mt-4" data-testid="organisation-activity">
      <H id={id} className={headingLevel === 2 ? "text-xl font-semibold" : "text-lg font-semibold"}>
        {t("activityTitle")}
      </H>
      {shown.length === 0 ? (
        <p className="mt-2">{t("noneOpen")}</p>
      ) : (
        <>
          <p className="mt-1 max-w-3xl text-sm">{t("activityLead")}</p>
          <ul className="mt-3 space-y-3">
            {shown.map(({ c, names, registration, own, canRegister, canSubmit }) => (
              <li key={c.id} className="rounded border border-slate-300 p-3" data-testid="activity-consultation" data-consultation={c.slug}>
                <p className="font-semibold">{names.region}</p>
                <dl className="mt-1 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[minmax(8rem,auto)_1fr]">
                  <dt className="font-medium">{t("registration")}</dt>
                  <dd data-testid="activity-registration">
                    {registration ? (
                      <>
                        {tr(`status.${registration.status}`)} · {t("participants", { count: registration.participants })} ·{" "}
                        <LocaleLink href={`/consultations/${c.slug}/register?org=${organisationId}`} className="text-brand underline">
                          {t("seeRegistration", { region: names.region })}
                        </LocaleLink>
                      </>
                    ) : canRegister ? (
                      <LocaleLink href={`/consultations/${c.slug}/register?org=${organisationId}`} className="font-medium text-brand underline">
                        {t("register", { region: names.region })}
                      </LocaleLink>
                    ) : (
                      t("registrationClosed")
                    )}
                  </dd>
                  <dt className="font-medium">{t("inputs")}</dt>
                  <dd data-testid="activity-inputs">
                    {own.length > 0 ? (
                      <ul>
                        {own.map((s) => (
                          <li key={s.id}>
                            <LocaleLink href={`/submissions/${s.id}`} className="text-brand underline" dir="auto">
                              {s.reference ?? ts("draft")} · {s.title || "—"}
                            </LocaleLink>{" "}
                            · {ts(`statuses.${s.status}`)}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <span>{t("noInput")}</span>
                    )}
                    {canSubmit ? (
                      <p>
                        <LocaleLink href={`/consultations/${c.slug}/submit?org=${organisationId}`} className="font-medium text-brand underline">
                          {own.length > 0 ? t("writeAnother", { region: names.region }) : t("writeInput", { region: names.region })}
                        </LocaleLink>
                      </p>
                    ) : null}
                  </dd>
                </dl>
              </li>
            ))}
          </ul>
          {inputs.total > inputs.rows.length ? (
            <p className="mt-2" data-testid="activity-all-inputs">
              <LocaleLink href={`/submissions?org=${organisationId}`} className="text-brand underline">
                {t("allInputs", { shown: inputs.rows.length, total: inputs.total })}
              </LocaleLink>
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
