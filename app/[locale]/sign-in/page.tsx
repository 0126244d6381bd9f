import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("title") };
}

export default async function SignInPage({ searchParams }: PageProps<"/[locale]/sign-in">) {
  const t = await getTranslations("signIn");
  const { next, error } = await searchParams;
  return (
    <>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 max-w-2xl">{t("lead")}</p>
      {error ? (
        <p role="alert" className="mt-4 max-w-2xl rounded border-2 border-red-700 bg-red-50 p-3">
          {t("linkInvalid")}
        </p>
      ) : null}
      <div className="mt-6">
        <ClientMessages namespaces={["signIn"]}>
          <SignInForm next={typeof next === "string" ? next : undefined} />
        </ClientMessages>
      </div>
    </>
  );
}
