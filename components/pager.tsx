import { getTranslations } from "next-intl/server";
import { LocaleLink } from "@/components/locale-link";

/** Previous / "page N of M" / next, as plain links (works without JavaScript). Nothing for one page. */
export async function Pager({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  const t = await getTranslations("common");
  return (
    <nav aria-label={t("pagination")} className="mt-4 flex gap-4">
      {page > 1 ? (
        <LocaleLink href={href(page - 1)} className="underline" rel="prev">
          {t("previousPage")}
        </LocaleLink>
      ) : null}
      <span>{t("pageOf", { page, pages })}</span>
      {page < pages ? (
        <LocaleLink href={href(page + 1)} className="underline" rel="next">
          {t("nextPage")}
        </LocaleLink>
      ) : null}
    </nav>
  );
}
