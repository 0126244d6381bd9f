import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/notice";
import { loadOrDeny, requirePageActor } from "@/lib/auth/page";
import { viewInvitation } from "@/lib/invitations";
import { acceptInvitationAction } from "./actions";

export default async function InvitationPage({ params, searchParams }: PageProps<"/[locale]/invitations/[token]">) {
  const { locale, token } = await params;
  const actor = await requirePageActor(locale, `/invitations/${token}`);
  const t = await getTranslations("invitation");
  const inv = await loadOrDeny(() => viewInvitation({ actor, token }));
  if (!inv) return null;
  return (
    <>
      <Notice searchParams={await searchParams} />
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2" dir="auto">
        {inv.kind === "organisation"
          ? t("organisationBody", { organisation: inv.organisationName ?? "" })
          : t("anchorBody", { region: inv.consultationRegion ?? "" })}
      </p>
      {inv.emailMatches ? (
        <form action={acceptInvitationAction} className="mt-4">
          <input type="hidden" name="token" value={token} />
          <button type="submit" className="rounded bg-brand px-5 py-2 font-semibold text-white">
            {t("accept")}
          </button>
        </form>
      ) : (
        <p role="alert" className="mt-4 rounded border-2 border-amber-700 bg-amber-50 p-3">
          {t("otherAddress", { email: actor.email })}
        </p>
      )}
    </>
  );
}
