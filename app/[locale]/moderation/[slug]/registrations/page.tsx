import { getTranslations } from "next-intl/server";
import { FilterSelect } from "@/components/filter-fields";
import { Notice } from "@/components/notice";
import { Pager } from "@/components/pager";
import { TableHead } from "@/components/table-head";
import { countryName } from "@/lib/i18n/format";
import { regionNames } from "@/lib/i18n/regions";
import { listRegistrationsForModeration } from "@/lib/registrations";
import { registrationFiltersSchema } from "@/lib/registrations/schemas";
import { decideRegistrationAction } from "./actions";
import { REGISTRATION_STATUSES } from "@/lib/registrations/schemas";
import { loadModerationPage } from "../load";

export default async function RegistrationsPage({
  params,
  searchParams,
}: PageProps<"/[locale]/moderation/[slug]/registrations">) {
  const { locale, slug, actor, c } = await loadModerationPage(params, "/registrations");
  const sp = await searchParams;
  if (!c) return null;
  const filters = registrationFiltersSchema.parse(sp);
  const data = await listRegistrationsForModeration({ actor, consultationId: c.id, filters });
  const t = await getTranslations("moderationRegistrations");
  const tr = await getTranslations("registration");
  const { region } = await regionNames(c);
  const query = (extra: Record<string, string | number | undefined>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filters, ...extra })) if (v !== undefined) q.set(k, String(v));
    const s = q.toString();
    return s ? `?${s}` : "";
  };
  const here = `/${locale}/moderation/${slug}/registrations${query({})}`;
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  return (
    <>
      <Notice searchParams={sp} />
      <h1 className="text-3xl font-bold">{t("title", { region })}</h1>
      <p className="mt-2" data-testid="seats">
        {data.capacity === null
          ? t("seatsNoLimit", { taken: data.seatsTaken })
          : t("seats", { taken: data.seatsTaken, capacity: data.capacity })}
      </p>
      <p className="mt-2 flex flex-wrap gap-4">
        <a href={`/api/moderation/${slug}/participants?format=csv&locale=${locale}`} className="text-brand underline">
          {t("exportCsv")}
        </a>
        <a href={`/api/moderation/${slug}/participants?format=xlsx&locale=${locale}`} className="text-brand underline">
          {t("exportXlsx")}
        </a>
      </p>

      <form method="get" className="mt-4 flex flex-wrap items-end gap-4" aria-label={t("filters")}>
        <FilterSelect
          name="status"
          label={t("filterStatus")}
          defaultValue={filters.status}
          options={[...REGISTRATION_STATUSES.filter((s) => s !== "pending"), "pending" as const].map((s) => ({
            value: s,
            label: tr(`status.${s}`),
          }))}
          any={t("any")}
          labelClassName="flex flex-col"
        />
        <FilterSelect
          name="attendance"
          label={t("filterAttendance")}
          defaultValue={filters.attendance}
          options={(["in_person", "remote"] as const).map((a) => ({ value: a, label: tr(`attendance.${a}`) }))}
          any={t("any")}
          labelClassName="flex flex-col"
        />
        <FilterSelect
          name="need"
          label={t("filterNeed")}
          defaultValue={filters.need}
          options={(["visa", "travel", "accessibility", "interpretation", "dietary"] as const).map((n) => ({
            value: n,
            label: t(`needs.${n}`),
          }))}
          any={t("any")}
          labelClassName="flex flex-col"
        />
        <button type="submit" className="rounded bg-brand px-4 py-1 text-white">
          {t("apply")}
        </button>
      </form>

      <p className="mt-4 text-sm" role="status">
        {t("count", { total: data.total })}
      </p>
      <ul className="mt-2 space-y-4">
        {data.rows.map(({ registration: r, organisation: o, participants }) => (
          <li key={r.id} className="rounded border border-slate-300 p-3" data-testid="registration-row">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="text-lg font-semibold" dir="auto">
                {o.name}
              </h2>
              <span className="text-sm">
                {countryName(locale, o.country)} · {o.verified ? t("verified") : t("unverified")} ·{" "}
                <strong>{tr(`status.${r.status}`)}</strong>
              </span>
            </div>
            <table className="mt-2 w-full text-start text-sm">
              <TableHead columns={[tr("fields.name"), tr("fields.attendance"), t("needsColumn")]} />
              <tbody>
                {participants.map((p) => (
                  <tr key={p.id} className="border-b align-top">
                    <td dir="auto">
                      {p.name}
                      {p.title ? ` · ${p.title}` : ""}
                    </td>
                    <td>{tr(`attendance.${p.attendance}`)}</td>
                    <td dir="auto">
                      {[
                        p.visaLetter
                          ? t("needVisa", { nationality: p.nationality ? countryName(locale, p.nationality) : "" })
                          : null,
                        p.interpretationLanguage
                          ? t("needInterpretation", { language: p.interpretationLanguage })
                          : null,
                        p.accessibility,
                        p.dietary,
                        p.travelSupport ? t("needTravel", { reason: p.travelSupportReason ?? "" }) : null,
                      ]
                        .filter(Boolean)
                        .join(" · ")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {r.status !== "withdrawn" ? (
              <div className="mt-2 flex flex-wrap gap-2">
                {(["confirmed", "waitlisted", "declined"] as const)
                  .filter((s) => s !== r.status)
                  .map((s) => (
                    <form key={s} action={decideRegistrationAction}>
                      <input type="hidden" name="registrationId" value={r.id} />
                      <input type="hidden" name="version" value={r.version} />
                      <input type="hidden" name="status" value={s} />
                      <input type="hidden" name="slug" value={slug} />
                      <input type="hidden" name="back" value={here} />
                      <button type="submit" className="rounded border border-slate-600 px-3 py-1">
                        {t(`decide.${s}`, { organisation: o.name })}
                      </button>
                    </form>
                  ))}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      <Pager page={data.page} pages={pages} href={(page) => `/moderation/${slug}/registrations${query({ page })}`} />
    </>
  );
}
