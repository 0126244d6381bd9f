"use server";
import * as z from "zod/mini";
import { buttonAction } from "@/lib/actions";
import { acceptInvitation } from "@/lib/invitations";

export const acceptInvitationAction = buttonAction({
  schema: z.object({ token: z.string().check(z.minLength(20), z.maxLength(100)) }),
  back: (raw, locale) => `/${locale}/invitations/${typeof raw.token === "string" ? encodeURIComponent(raw.token) : ""}`,
  run: async ({ actor, input, locale }) => {
    const r = await acceptInvitation({ actor, token: input.token });
    return r.kind === "organisation"
      ? { to: `/${locale}/organisations/${r.id}`, ok: "joinedOrganisation" }
      : { to: `/${locale}/account`, ok: "anchorAccepted" };
  },
});
