"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { publicFormAction } from "@/lib/actions";
import { signInSchema } from "@/lib/auth/schemas";
import { clientAddress, requestSignInLink } from "@/lib/auth/sign-in";
import { demoAllowedForThisRequest } from "@/lib/security/peer";

async function clientKey(): Promise<string> {
  const h = await headers();
  return clientAddress(h.get("x-forwarded-for"));
}

export const requestSignInAction = publicFormAction({
  schema: signInSchema,
  run: async ({ input, locale }) => {
    await requestSignInLink({
      email: input.email,
      locale,
      clientKey: await clientKey(),
      next: input.next,
      demoAllowed: await demoAllowedForThisRequest(),
    });
    redirect(`/${locale}/sign-in/check-email`);
  },
});
