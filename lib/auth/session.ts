import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { auth } from "@/lib/auth";
import type { User } from "@/db/schema";
import { isLocale } from "@/lib/i18n/config";
import { actorOf, loadActor, sessionUserId, type Actor } from "./actor";

// Auth.js's session cookie (plain http, and https).
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/** The signed-in actor for this request, or null. Cached per request. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const user = session?.user as Partial<User> | undefined;
  // The database adapter hands over the whole user row: no need to read it again.
  if (user?.id && user.email && user.locale && isLocale(user.locale)) return actorOf({ id: user.id, email: user.email, name: user.name ?? null, locale: user.locale });
  if (user?.id) return loadActor(user.id);
  // Auth.js also answers "no session" when its database lookup fails. Someone who carries a session
  // cookie is looked up once more here, where a database failure throws: they get the error page
  // (or the form's error), not a trip to the sign-in page as if signed out.
  const jar = await cookies();
  const token = SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  if (!token) return null;
  const id = await sessionUserId(token);
  return id ? loadActor(id) : null;
});
