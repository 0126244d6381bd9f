import { getTranslations } from "next-intl/server";
import { LocaleLink as Link } from "@/components/locale-link";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <>
      <h1 className="text-2xl font-bold">{t("notFoundTitle")}</h1>
      <p className="mt-2">{t("notFoundBody")}</p>
      <p className="mt-4">
        <Link href="/" className="text-brand underline">
          {t("backHome")}
        </Link>
      </p>
    </>
  );
}
