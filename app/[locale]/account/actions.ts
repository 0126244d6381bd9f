"use server";
import { redirect } from "next/navigation";
import { currentActor, currentLocale, formAction } from "@/lib/actions";
import { signOut } from "@/lib/auth";
import { endAllSessions, updatePreferences } from "@/lib/auth/account";
import { preferencesSchema } from "@/lib/auth/schemas";

export const updatePreferencesAction = formAction({
  schema: preferencesSchema,
  run: async ({ actor, input }) => {
    await updatePreferences({ actor, input });
    redirect(`/${input.locale}/account?ok=preferencesSaved`);
  },
});

/** Ends this browser's session (Auth.js deletes its row in the database and clears the cookie). */
export async function signOutAction(): Promise<void> {
  const locale = await currentLocale();
  const actor = await currentActor();
  if (!actor) redirect(`/${locale}`);
  await signOut({ redirectTo: `/${locale}` });
}

/** Ends every session of this user in the database, then clears this browser's cookie. */
export async function signOutEverywhereAction(): Promise<void> {
  const locale = await currentLocale();
  const actor = await currentActor();
  if (!actor) redirect(`/${locale}`);
  await endAllSessions({ actor });
  await signOut({ redirectTo: `/${locale}` });
}
