import { getTranslations } from "next-intl/server";
import { SIGN_IN_LINK_MINUTES } from "@/lib/auth";

// The same page for every address, known or not: it reveals nothing about accounts.
export default async function CheckEmailPage() {
  const t = await getTranslations("signIn");
  return (
    <>
      <h1 className="text-3xl font-bold">{t("checkEmailTitle")}</h1>
      <p className="mt-2 max-w-2xl" role="status">
        {t("checkEmailBody", { minutes: SIGN_IN_LINK_MINUTES })}
      </p>
    </>
  );
}
