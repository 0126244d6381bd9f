import { getTranslations } from "next-intl/server";

export async function Forbidden() {
  const t = await getTranslations("errors");
  return (
    <>
      <h1 className="text-2xl font-bold">{t("forbiddenTitle")}</h1>
      <p className="mt-2">{t("forbiddenBody")}</p>
    </>
  );
}
