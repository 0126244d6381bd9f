import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { ActingForHead } from "@/components/acting-for-head";
import { requirePageActor } from "@/lib/auth/page";
import { getPublicConsultation } from "@/lib/consultations/queries";
import { defaultLocale, isLocale } from "@/lib/i18n/config";
import { countryOptions } from "@/lib/i18n/countries";
import { countryName, listOf } from "@/lib/i18n/names";
import { regionNames } from "@/lib/i18n/regions";
import { listMyOrganisations } from "@/lib/organisations";
import { getOwnRegistration } from "@/lib/registrations";
import type { FormValues } from "@/lib/validation";
import { withdrawRegistrationAction } from "./actions";
import { RegistrationForm } from "./registration-form";
import { deadlineInZone } from "@/lib/i18n/zones";
import { registrationPhase } from "@/lib/consultations/phase";
import { NeedOrganisation } from "@/components/need-organisation";

export default async function RegisterPage({
  params,
  searchParams,
}: PageProps<"/[locale]/consultations/[slug]/register">) {
  const { locale: raw, slug } = await params;
  const locale = isLocale(raw) ? raw : defaultLocale;
  const sp = await searchParams;
  const actor = await requirePageActor(locale, `/consultations/${slug}/register`);
  const c = await getPublicConsultation({ slug });
  if (!c) notFound();
  const t = await getTranslations("registration");
  const { region } = await regionNames(c);
  const orgs = await listMyOrganisations({ actor });
  const heading = <h1 className="text-3xl font-bold">{t("title", { region })}</h1>;
  if (orgs.length === 0)
    return <NeedOrganisation heading={heading} text={t("needOrganisation")} link={t("createOrganisation")} />;
  const org = orgs.find((o) => o.id === sp.org) ?? orgs[0]!;
  const existing = await getOwnRegistration({ actor, consultationId: c.id, organisationId: org.id });
  const now = new Date();
  const closed = registrationPhase(c, now) !== "open";
  const values: FormValues = {
    consultationId: c.id,
    organisationId: org.id,
    version: String(existing?.registration.version ?? 0),
  };
  (existing?.participants ?? []).forEach((p, i) => {
    const set = (k: string, v: string | null | boolean) => {
      if (v === null || v === false) return;
      values[`participants.${i}.${k}`] = v === true ? "on" : v;
    };
    set("name", p.name);
    set("title", p.title);
    set("email", p.email);
    set("attendance", p.attendance);
    set("visaLetter", p.visaLetter);
    set("nationality", p.nationality);
    set("accessibility", p.accessibility);
    set("interpretationLanguage", p.interpretationLanguage);
    set("dietary", p.dietary);
    set("travelSupport", p.travelSupport);
    set("travelSupportReason", p.travelSupportReason);
  });
  if (!existing) values["participants.0.attendance"] = "in_person";
  const status = existing?.registration.status;

  return (
    <>
      <ActingForHead
        searchParams={sp}
        heading={heading}
        organisations={orgs}
        current={org.id}
        href={(id) => `/consultations/${slug}/register?org=${id}`}
        label={t("chooseOrganisation")}
        actingFor={t("forOrganisation", { organisation: org.name })}
        deadline={
          c.registrationDeadline ? t("deadline", await deadlineInZone(locale, c.registrationDeadline, c)) : null
        }
      />
      {status ? (
        <div className="mt-4 rounded border border-slate-400 p-3" data-testid="registration-status">
          <p className="font-semibold">{t(`status.${status}`)}</p>
          <p className="text-sm">{t(`statusHelp.${status}`)}</p>
          {existing && existing.participants.length > 0 ? (
            <>
              <h2 className="mt-3 font-semibold">{t("summaryTitle", { count: existing.participants.length })}</h2>
              <ul className="mt-1 list-disc ps-6" data-testid="registration-summary">
                {existing.participants.map((p) => {
                  const needs = [
                    p.visaLetter
                      ? t("summaryVisa", { nationality: p.nationality ? countryName(locale, p.nationality) : "—" })
                      : null,
                    p.travelSupport ? t("summaryTravel") : null,
                    p.interpretationLanguage
                      ? t("summaryInterpretation", { language: p.interpretationLanguage })
                      : null,
                    p.accessibility ? t("summaryAccessibility") : null,
                    p.dietary ? t("summaryDietary") : null,
                  ].filter((x): x is string => x !== null);
                  return (
                    <li key={p.id}>
                      <span dir="auto">{p.name ?? "—"}</span>
                      {p.title ? <span dir="auto">{`, ${p.title}`}</span> : null} ·{" "}
                      <span dir="ltr">{p.email ?? ""}</span> · {t(`attendance.${p.attendance}`)}
                      {needs.length ? ` · ${listOf(locale, needs)}` : ""}
                    </li>
                  );
                })}
              </ul>
              {!closed && status !== "withdrawn" && status !== "declined" ? (
                <p className="mt-2 text-sm">{t("summaryEdit")}</p>
              ) : null}
            </>
          ) : null}
          {!closed && status !== "withdrawn" && status !== "declined" ? (
            <form action={withdrawRegistrationAction} className="mt-2">
              <input type="hidden" name="registrationId" value={existing!.registration.id} />
              <input type="hidden" name="version" value={existing!.registration.version} />
              <input type="hidden" name="slug" value={slug} />
              <input type="hidden" name="organisationId" value={org.id} />
              <button type="submit" className="text-red-800 underline">
                {t("withdraw")}
              </button>
            </form>
          ) : null}
        </div>
      ) : null}
      {closed ? (
        <p role="status" className="mt-6 rounded border-2 border-amber-700 bg-amber-50 p-3">
          {c.status !== "open"
            ? t("closedConsultation")
            : t("closedDeadline", await deadlineInZone(locale, c.registrationDeadline!, c))}
        </p>
      ) : status === "declined" ? null : (
        <section className="mt-6">
          <ClientMessages namespaces={["registration"]}>
            <RegistrationForm initial={{ status: "idle", values }} countries={countryOptions(locale)} />
          </ClientMessages>
        </section>
      )}
    </>
  );
}
