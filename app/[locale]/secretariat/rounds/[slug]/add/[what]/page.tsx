import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { Forbidden } from "@/components/forbidden";
import { LocaleLink } from "@/components/locale-link";
import { loadOrDeny, requirePageActor } from "@/lib/auth/page";
import { defaultLocale, isLocale } from "@/lib/i18n/config";
import { countryOptions } from "@/lib/i18n/countries";
import { getRound } from "@/lib/rounds";
import { AddConsultationForm, AddTopicForm, AddTopicGroupForm } from "../../../forms";

const SLUG = /^[a-z0-9-]{2,20}$/;

/** Adding to a round, one form per page: a consultation, a topic, or a heading over topics. */
export default async function AddToRoundPage({ params }: PageProps<"/[locale]/secretariat/rounds/[slug]/add/[what]">) {
  const { locale: raw, slug, what } = await params;
  const locale = isLocale(raw) ? raw : defaultLocale;
  if (what !== "consultation" && what !== "topic" && what !== "group") notFound();
  const actor = await requirePageActor(locale, `/secretariat/rounds/${slug}/add/${what}`);
  const r = SLUG.test(slug) ? await loadOrDeny(() => getRound({ actor, slug })) : null;
  if (!r) return <Forbidden />;
  const t = await getTranslations("rounds");
  const name = r.names[locale];
  const base = { roundId: r.id, roundSlug: r.slug, version: String(r.version) };
  const title =
    what === "consultation"
      ? t("addConsultationTitle", { name })
      : what === "topic"
        ? t("addTopicTitle", { name })
        : t("addGroupTitle", { name });
  return (
    <>
      <p>
        <LocaleLink href={`/secretariat/rounds/${r.slug}`} className="text-brand underline">
          {t("backToRound", { name })}
        </LocaleLink>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{title}</h1>
      <section className="mt-4">
        <ClientMessages namespaces={["rounds"]}>
          {what === "consultation" ? (
            <AddConsultationForm
              initial={{ status: "idle", values: { ...base, startsOn: r.startsOn, endsOn: r.endsOn } }}
              countries={countryOptions(locale)}
            />
          ) : what === "topic" ? (
            <AddTopicForm
              initial={{ status: "idle", values: base }}
              groups={r.groups.map((g) => ({ id: g.id, name: g.names[locale] }))}
            />
          ) : (
            <AddTopicGroupForm initial={{ status: "idle", values: base }} />
          )}
        </ClientMessages>
      </section>
    </>
  );
}
