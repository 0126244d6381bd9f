import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { Forbidden } from "@/components/forbidden";
import { LocaleLink } from "@/components/locale-link";
import { Notice } from "@/components/notice";
import { TableHead } from "@/components/table-head";
import { Section } from "@/components/section";
import { loadOrDeny, requirePageActor } from "@/lib/auth/page";
import { defaultLocale, isLocale } from "@/lib/i18n/config";
import { formatDateRange } from "@/lib/i18n/format";
import { listRounds } from "@/lib/rounds";
import { CreateRoundForm } from "./forms";

/** The secretariat's rounds: each with its period, status and consultations; and a form to open the next. */
export default async function RoundsPage({ params, searchParams }: PageProps<"/[locale]/secretariat/rounds">) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : defaultLocale;
  const actor = await requirePageActor(locale, "/secretariat/rounds");
  const rounds = await loadOrDeny(() => listRounds({ actor, locale }));
  if (!rounds) return <Forbidden />;
  const t = await getTranslations("rounds");
  const ts = await getTranslations("secretariat");
  return (
    <>
      <Notice searchParams={await searchParams} />
      <p>
        <LocaleLink href="/secretariat" className="text-brand underline">
          {ts("title")}
        </LocaleLink>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{t("listTitle")}</h1>
      <p className="mt-2 max-w-3xl">{t("listLead")}</p>
      <table className="mt-4 w-full text-start text-sm" data-testid="rounds">
        <TableHead
          cellClassName="py-1 text-start"
          columns={[
            t("colName"),
            t("colPeriod"),
            t("colStatus"),
            { label: t("colConsultations"), className: "py-1 text-end" },
          ]}
        />
        <tbody>
          {rounds.map((r) => (
            <tr key={r.id} className="border-b">
              <td className="py-1">
                <LocaleLink href={`/secretariat/rounds/${r.slug}`} className="text-brand underline">
                  {r.name}
                </LocaleLink>
              </td>
              <td className="py-1">{formatDateRange(locale, r.startsOn, r.endsOn)}</td>
              <td className="py-1">{t(`status.${r.status}`)}</td>
              <td className="py-1 text-end">{r.consultations}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Section id="create-round" title={t("createTitle")} className="mt-8">
        <ClientMessages namespaces={["rounds"]}>
          <CreateRoundForm initial={{ status: "idle" }} rounds={rounds.map((r) => ({ id: r.id, name: r.name }))} />
        </ClientMessages>
      </Section>
    </>
  );
}
