import { getLocale, getTranslations } from "next-intl/server";
import { LocaleLink } from "@/components/locale-link";
import type { Actor } from "@/lib/auth/actor";
import { listPublicConsultations } from "@/lib/consultations/queries";
import { regionNames } from "@/lib/i18n/regions";
import { listOwnRegistrations } from "@/lib/registrations";
import { isLocale, defaultLocale } from "@/lib/i18n/config";
import { roundForView } from "@/lib/rounds";
import { listOwnSubmissions } from "@/lib/submissions";
import { registrationPhase } from "@/lib/consultations/phase";

/**
 * Where an organisation stands in each consultation, and the next step offered beside it: its
 * registration (with status) or a link to register, its inputs (with status) or a link to write one.
 * Consultations closed to both, where it did nothing, are left out. Grouped by round (the current
 * round first, then the others newest first): an organisation belongs to no round and takes part in any.
 */
export async function OrganisationActivity({
  actor,
  organisationId,
  headingLevel = 2,
  now = new Date(),
}: {
  actor: Actor;
  organisationId: string;
  headingLevel?: 2 | 3;
  now?: Date;
}) {
  const rawLocale = await getLocale();
  const locale = isLocale(rawLocale) ? rawLocale : defaultLocale;
  const [t, tr, ts, consultations, registrations, inputs, view] = await Promise.all([
    getTranslations("journey"),
    getTranslations("registration"),
    getTranslations("mySubmissions"),
    listPublicConsultations(now),
    listOwnRegistrations({ actor, organisationId }),
    listOwnSubmissions({ actor, organisationId, pageSize: 100 }),
    roundForView({ locale }),
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
  const order = [...(view.round ? [view.round] : []), ...view.rounds.filter((r) => r.id !== view.round?.id)];
  // A consultation open while its round is still in preparation is listed too, under no round's name.
  const unlisted = shown.filter((r) => !order.some((o) => o.id === r.c.roundId));
  const groups = [
    ...order.map((round) => ({ key: round.id, round, rows: shown.filter((r) => r.c.roundId === round.id) })),
    { key: "other", round: null, rows: unlisted },
  ].filter((g) => g.rows.length > 0);
  const H = `h${headingLevel}` as const;
  const RoundH = `h${headingLevel + 1}` as "h3" | "h4";
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
          {groups.map(({ key, round, rows: inRound }) => (
            <div key={key} className="mt-3" data-testid="activity-round" data-round={round?.slug}>
              {round ? <RoundH className="font-semibold">{round.name}</RoundH> : null}
              <ul className="mt-2 space-y-3">
                {inRound.map(({ c, names, registration, own, canRegister, canSubmit }) => (
                  <li
                    key={c.id}
                    className="rounded border border-slate-300 p-3"
                    data-testid="activity-consultation"
                    data-consultation={c.slug}
                  >
                    <p className="font-semibold">{names.region}</p>
                    <dl className="mt-1 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[minmax(8rem,auto)_1fr]">
                      <dt className="font-medium">{t("registration")}</dt>
                      <dd data-testid="activity-registration">
                        {registration ? (
                          <>
                            {tr(`status.${registration.status}`)} ·{" "}
                            {t("participants", { count: registration.participants })} ·{" "}
                            <LocaleLink
                              href={`/consultations/${c.slug}/register?org=${organisationId}`}
                              className="text-brand underline"
                            >
                              {t("seeRegistration", { region: names.region })}
                            </LocaleLink>
                          </>
                        ) : canRegister ? (
                          <LocaleLink
                            href={`/consultations/${c.slug}/register?org=${organisationId}`}
                            className="font-medium text-brand underline"
                          >
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
                            <LocaleLink
                              href={`/consultations/${c.slug}/submit?org=${organisationId}`}
                              className="font-medium text-brand underline"
                            >
                              {own.length > 0
                                ? t("writeAnother", { region: names.region })
                                : t("writeInput", { region: names.region })}
                            </LocaleLink>
                          </p>
                        ) : null}
                      </dd>
                    </dl>
                  </li>
                ))}
              </ul>
            </div>
          ))}
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
