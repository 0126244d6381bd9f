import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { Forbidden } from "@/components/forbidden";
import { Notice } from "@/components/notice";
import { Section } from "@/components/section";
import { loadOrDeny, requirePageActor } from "@/lib/auth/page";
import { getConsultationForSecretariat, listAnchors } from "@/lib/consultations/admin";
import { regionNames } from "@/lib/i18n/regions";
import { utcToZonedLocal } from "@/lib/time";
import { isLocale, defaultLocale } from "@/lib/i18n/config";
import { zoneName } from "@/lib/i18n/zones";
import { removeAnchorAction } from "../../actions";
import { countryOptions } from "@/lib/i18n/countries";
import { ConsultationDetailsForm, ConsultationEditForm, InviteAnchorForm } from "./forms";

export default async function EditConsultationPage({
  params,
  searchParams,
}: PageProps<"/[locale]/secretariat/consultations/[slug]">) {
  const { locale: raw, slug } = await params;
  const locale = isLocale(raw) ? raw : defaultLocale;
  const actor = await requirePageActor(locale, `/secretariat/consultations/${slug}`);
  const c = await loadOrDeny(() => getConsultationForSecretariat({ actor, slug }));
  if (!c) return <Forbidden />;
  const { anchors, pending } = await listAnchors({ actor, consultationId: c.id });
  const t = await getTranslations("secretariat");
  const tr = await getTranslations("rounds");
  const { region } = await regionNames(c);
  const local = (d: Date | null) => (d ? utcToZonedLocal(d, c.timeZone) : "");
  return (
    <>
      <Notice searchParams={await searchParams} />
      <h1 className="text-3xl font-bold">{t("editTitle", { region })}</h1>
      <ClientMessages namespaces={["secretariat", "deadlineWarnings", "rounds"]}>
        <section className="mt-4">
          <ConsultationEditForm
            timeZone={await zoneName(locale, c, new Date(`${c.startsOn}T12:00:00Z`))}
            today={utcToZonedLocal(new Date(), c.timeZone).slice(0, 10)}
            initial={{
              status: "idle",
              values: {
                consultationId: c.id,
                version: String(c.version),
                startsOn: c.startsOn,
                endsOn: c.endsOn,
                registrationDeadline: local(c.registrationDeadline),
                submissionDeadline: local(c.submissionDeadline),
                inPersonCapacity: c.inPersonCapacity === null ? "" : String(c.inPersonCapacity),
                status: c.status,
              },
            }}
          />
        </section>
        <Section id="details" title={tr("detailsTitle")} className="mt-10">
          <ConsultationDetailsForm
            countries={countryOptions(locale)}
            initial={{
              status: "idle",
              values: {
                consultationId: c.id,
                version: String(c.version),
                region: c.region,
                city: c.city,
                country: c.country,
                timeZone: c.timeZone,
                anchors: c.anchors,
              },
            }}
          />
        </Section>
        <Section id="anchors" title={t("anchorsTitle")} className="mt-10">
          {anchors.length === 0 ? <p className="mt-2">{t("noAnchors")}</p> : null}
          <ul className="mt-2 space-y-1">
            {anchors.map((a) => (
              <li key={a.userId} className="flex flex-wrap items-center gap-3" data-testid="anchor-row">
                <span dir="ltr">{a.email}</span>
                <form action={removeAnchorAction}>
                  <input type="hidden" name="consultationId" value={c.id} />
                  <input type="hidden" name="userId" value={a.userId} />
                  <input type="hidden" name="slug" value={c.slug} />
                  <button type="submit" className="text-red-800 underline">
                    {t("removeAnchor")}
                  </button>
                </form>
              </li>
            ))}
          </ul>
          {pending.length > 0 ? (
            <p className="mt-2 text-sm">
              {t("pendingInvitations")} <span dir="ltr">{pending.join(", ")}</span>
            </p>
          ) : null}
          <h3 className="mt-4 font-semibold">{t("inviteAnchorTitle")}</h3>
          <InviteAnchorForm consultationId={c.id} />
        </Section>
      </ClientMessages>
    </>
  );
}
