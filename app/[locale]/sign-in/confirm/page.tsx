import { getTranslations } from "next-intl/server";

// Opening the e-mailed link shows this page and uses nothing up; the button POSTs to Auth.js's
// callback, which checks the single-use token and starts the session.
export default async function ConfirmSignInPage({ searchParams }: PageProps<"/[locale]/sign-in/confirm">) {
  const t = await getTranslations("signIn");
  const sp = await searchParams;
  const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");
  const token = one(sp.token);
  const email = one(sp.email);
  const callbackUrl = one(sp.callbackUrl);
  const action = `/api/auth/callback/nodemailer?${new URLSearchParams({ token, email, callbackUrl }).toString()}`;
  return (
    <>
      <h1 className="text-3xl font-bold">{t("confirmTitle")}</h1>
      {token && email ? (
        <form method="post" action={action} className="mt-4">
          <p className="mb-4 max-w-2xl">{t("confirmBody", { email })}</p>
          <button type="submit" className="rounded bg-brand px-5 py-2 font-semibold text-white hover:bg-brand-dark">
            {t("confirmButton")}
          </button>
        </form>
      ) : (
        <p role="alert" className="mt-4">
          {t("linkInvalid")}
        </p>
      )}
    </>
  );
}
