import { getTranslations } from "next-intl/server";
import { Forbidden } from "@/components/forbidden";
import { LocaleLink } from "@/components/locale-link";
import { requirePageActor } from "@/lib/auth/page";
import { listPublicConsultations } from "@/lib/consultations/queries";
import { regionNames } from "@/lib/i18n/regions";

/** The consultations this person moderates (the secretariat: all, and all together). */
export default async function ModerationIndexPage({ params }: PageProps<"/[locale]/moderation">) {
  const { locale } = await params;
  const actor = await requirePageActor(locale, "/moderation");
  if (!actor.secretariat && actor.anchorOf.length === 0) return <Forbidden />;
  const t = await getTranslations("moderation");
  const mine = (await listPublicConsultations()).filter((c) => actor.secretariat || actor.anchorOf.includes(c.id));
  const names = await Promise.all(mine.map((c) => regionNames(c)));
  return (
    <>
      <h1 className="text-3xl font-bold">{t("indexTitle")}</h1>
      <ul className="mt-4 list-disc space-y-1 ps-6">
        {actor.secretariat ? (
          <li>
            <LocaleLink href="/moderation/all" className="text-brand underline">
              {t("allConsultations")}
            </LocaleLink>
          </li>
        ) : null}
        {mine.map((c, i) => (
          <li key={c.id}>
            <LocaleLink href={`/moderation/${c.slug}`} className="text-brand underline">
              {names[i]?.region}
            </LocaleLink>
          </li>
        ))}
      </ul>
    </>
  );
}
