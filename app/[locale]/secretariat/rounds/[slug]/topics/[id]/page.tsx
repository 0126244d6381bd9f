import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { Forbidden } from "@/components/forbidden";
import { LocaleLink } from "@/components/locale-link";
import { loadOrDeny, requirePageActor } from "@/lib/auth/page";
import { defaultLocale, isLocale } from "@/lib/i18n/config";
import { getRound } from "@/lib/rounds";
import { RenameTopicForm } from "../../../forms";

const SLUG = /^[a-z0-9-]{2,20}$/;

/** Renaming a topic: allowed at any time (inputs keep its number and read its new name). */
export default async function RenameTopicPage({
  params,
}: PageProps<"/[locale]/secretariat/rounds/[slug]/topics/[id]">) {
  const { locale: raw, slug, id } = await params;
  const locale = isLocale(raw) ? raw : defaultLocale;
  const actor = await requirePageActor(locale, `/secretariat/rounds/${slug}/topics/${id}`);
  const r = SLUG.test(slug) ? await loadOrDeny(() => getRound({ actor, slug })) : null;
  if (!r) return <Forbidden />;
  const index = r.topics.findIndex((x) => String(x.id) === id);
  const topic = r.topics[index];
  if (!topic) return <Forbidden />;
  const t = await getTranslations("rounds");
  const name = r.names[locale];
  return (
    <>
      <p>
        <LocaleLink href={`/secretariat/rounds/${r.slug}#topics`} className="text-brand underline">
          {t("backToRound", { name })}
        </LocaleLink>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{t("renameTitle", { n: index + 1, name })}</h1>
      <section className="mt-4">
        <ClientMessages namespaces={["rounds"]}>
          <RenameTopicForm
            initial={{
              status: "idle",
              values: {
                roundId: r.id,
                roundSlug: r.slug,
                version: String(r.version),
                topicId: String(topic.id),
                "names.en": topic.names.en,
                "names.fr": topic.names.fr,
                "names.es": topic.names.es,
                "names.ar": topic.names.ar,
              },
            }}
          />
        </ClientMessages>
      </section>
    </>
  );
}
