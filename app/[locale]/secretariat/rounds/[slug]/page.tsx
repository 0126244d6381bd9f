import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { Forbidden } from "@/components/forbidden";
import { LocaleLink } from "@/components/locale-link";
import { Notice } from "@/components/notice";
import { Section } from "@/components/section";
import { loadOrDeny, requirePageActor } from "@/lib/auth/page";
import { defaultLocale, isLocale } from "@/lib/i18n/config";
import { formatDateRange } from "@/lib/i18n/format";
import { regionNames } from "@/lib/i18n/regions";
import { getRound } from "@/lib/rounds";
import { deleteTopicAction, groupTopicAction, importGcmObjectivesAction, moveTopicAction } from "../actions";
import { UpdateRoundForm } from "../forms";

const SLUG = /^[a-z0-9-]{2,20}$/;

/** One round: its names, period and status; its consultations; its topics (frozen but for renames and additions once it has inputs). */
export default async function RoundPage({ params, searchParams }: PageProps<"/[locale]/secretariat/rounds/[slug]">) {
  const { locale: raw, slug } = await params;
  const locale = isLocale(raw) ? raw : defaultLocale;
  const actor = await requirePageActor(locale, `/secretariat/rounds/${slug}`);
  const r = SLUG.test(slug) ? await loadOrDeny(() => getRound({ actor, slug })) : null;
  if (!r) return <Forbidden />;
  const t = await getTranslations("rounds");
  const ts = await getTranslations("secretariat");
  const names = await Promise.all(r.consultations.map((c) => regionNames(c)));
  const groupName = (id: string | null) => (id ? (r.groups.find((g) => g.id === id)?.names[locale] ?? "") : "");
  const hidden = (topicId: number) => (
    <>
      <input type="hidden" name="roundId" value={r.id} />
      <input type="hidden" name="version" value={r.version} />
      <input type="hidden" name="slug" value={r.slug} />
      <input type="hidden" name="topicId" value={topicId} />
    </>
  );
  return (
    <>
      <Notice searchParams={await searchParams} />
      <p>
        <LocaleLink href="/secretariat/rounds" className="text-brand underline">
          {t("backToRounds")}
        </LocaleLink>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{r.names[locale]}</h1>
      <p className="mt-1 text-slate-700">
        {formatDateRange(locale, r.startsOn, r.endsOn)} · {t(`status.${r.status}`)}
      </p>

      <Section id="round-edit" title={t("editRoundTitle")} className="mt-6">
        <ClientMessages namespaces={["rounds"]}>
          {/* Keyed by the version: after any change on this page (a topic moved, the objectives loaded) the form starts from the new one. */}
          <UpdateRoundForm
            key={`${r.id}:${r.version}`}
            initial={{
              status: "idle",
              values: {
                roundId: r.id,
                version: String(r.version),
                startsOn: r.startsOn,
                endsOn: r.endsOn,
                status: r.status,
                "names.en": r.names.en,
                "names.fr": r.names.fr,
                "names.es": r.names.es,
                "names.ar": r.names.ar,
              },
            }}
          />
        </ClientMessages>
      </Section>

      <Section id="round-consultations" title={t("consultationsTitle")} className="mt-8">
        {r.consultations.length === 0 ? <p className="mt-2">{t("noConsultations")}</p> : null}
        <ul className="mt-2 space-y-1">
          {r.consultations.map((c, i) => (
            <li key={c.id} data-testid="round-consultation-row">
              <LocaleLink href={`/secretariat/consultations/${c.slug}`} className="text-brand underline">
                {names[i]?.region}
              </LocaleLink>{" "}
              · <bdi dir="ltr">{c.code}</bdi> · {formatDateRange(locale, c.startsOn, c.endsOn)} ·{" "}
              {ts(`status.${c.status}`)}
            </li>
          ))}
        </ul>
        <p className="mt-2">
          <LocaleLink href={`/secretariat/rounds/${r.slug}/add/consultation`} className="text-brand underline">
            {t("addConsultationLink")}
          </LocaleLink>
        </p>
      </Section>

      <section aria-labelledby="topics" id="topics" className="mt-8">
        <h2 id="topics-title" className="text-xl font-semibold">
          {t("topicsTitle")}
        </h2>
        {r.hasInputs ? (
          <p className="mt-1 rounded border border-amber-700 bg-amber-50 p-2 text-sm">{t("topicsLockedNote")}</p>
        ) : null}
        {r.topics.length === 0 ? (
          <>
            <p className="mt-2">{t("noTopics")}</p>
            {r.hasInputs ? null : (
              <form action={importGcmObjectivesAction} className="mt-2">
                <input type="hidden" name="roundId" value={r.id} />
                <input type="hidden" name="version" value={r.version} />
                <input type="hidden" name="slug" value={r.slug} />
                <button type="submit" className="rounded bg-brand px-3 py-1 text-white">
                  {t("importGcm")}
                </button>
              </form>
            )}
          </>
        ) : null}
        <ol className="mt-2 space-y-3">
          {r.topics.map((x, i) => (
            <li key={x.id} data-testid="topic-row">
              <span dir="auto">
                {i + 1}. {x.names[locale]}
              </span>
              {x.groupId ? <span className="ms-2 text-sm text-slate-700">({groupName(x.groupId)})</span> : null}
              <div className="mt-1 flex flex-wrap items-center gap-3 text-sm">
                <LocaleLink href={`/secretariat/rounds/${r.slug}/topics/${x.id}`} className="text-brand underline">
                  {t("rename", { n: i + 1 })}
                </LocaleLink>
                {r.hasInputs ? null : (
                  <>
                    <form action={moveTopicAction}>
                      {hidden(x.id)}
                      <input type="hidden" name="direction" value="up" />
                      <button type="submit" className="underline" disabled={i === 0}>
                        {t("moveUp", { n: i + 1 })}
                      </button>
                    </form>
                    <form action={moveTopicAction}>
                      {hidden(x.id)}
                      <input type="hidden" name="direction" value="down" />
                      <button type="submit" className="underline" disabled={i === r.topics.length - 1}>
                        {t("moveDown", { n: i + 1 })}
                      </button>
                    </form>
                    {r.groups.length ? (
                      <form action={groupTopicAction} className="flex items-center gap-1">
                        {hidden(x.id)}
                        <label htmlFor={`group-${x.id}`}>{t("setGroup", { n: i + 1 })}</label>
                        <select
                          id={`group-${x.id}`}
                          name="groupId"
                          defaultValue={x.groupId ?? ""}
                          className="rounded border border-slate-500 px-1"
                        >
                          <option value="">{t("noGroup")}</option>
                          {r.groups.map((g) => (
                            <option key={g.id} value={g.id}>
                              {g.names[locale]}
                            </option>
                          ))}
                        </select>
                        <button type="submit" className="underline">
                          {t("setGroupSubmit")}
                        </button>
                      </form>
                    ) : null}
                    <form action={deleteTopicAction}>
                      {hidden(x.id)}
                      <button type="submit" className="text-red-800 underline">
                        {t("delete", { n: i + 1 })}
                      </button>
                    </form>
                  </>
                )}
              </div>
            </li>
          ))}
        </ol>
        <p className="mt-3 flex flex-wrap gap-4">
          <LocaleLink href={`/secretariat/rounds/${r.slug}/add/topic`} className="text-brand underline">
            {t("addTopicLink")}
          </LocaleLink>
          <LocaleLink href={`/secretariat/rounds/${r.slug}/add/group`} className="text-brand underline">
            {t("addGroupLink")}
          </LocaleLink>
        </p>
      </section>
    </>
  );
}
