import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { auth } from "@/lib/auth";
import { loadActor, sessionUserId, type Actor } from "./actor";

// Auth.js's session cookie (plain http, and https).
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/** The signed-in actor for this request, or null. Cached per request. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (userId) return loadActor(userId);
  // Auth.js also answers "no session" when its database lookup fails. Someone who carries a session
  // cookie is looked up once more here, where a database failure throws: they get the error page
  // (or the form's error), not a trip to the sign-in page as if signed out.
  const jar = await cookies();
  const token = SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  if (!token) return null;
  const id = await sessionUserId(token);
  return id ? loadActor(id) : null;
});
