import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { SESSION_DAYS } from "@/lib/auth";
import { sessionActor, type Actor } from "./actor";

// Auth.js's session cookie (plain http, and https).
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const SESSION_TOKEN = /^[A-Za-z0-9._~-]{1,255}$/;

/**
 * The signed-in actor for this request, or null. Cached per request. The database session named by
 * Auth.js's cookie is read directly, user and roles included, in one query (Auth.js's own auth() costs a
 * whole request pipeline on every page and action). A database failure throws: the person gets the
 * error page or the form's error, never a trip to the sign-in page as if signed out.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const jar = await cookies();
  const token = SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  // Auth.js writes a UUID; anything else (a NUL byte PostgreSQL would refuse, for one) is no session.
  if (!token || !SESSION_TOKEN.test(token)) return null;
  return sessionActor(token, SESSION_DAYS * 24 * 3600 * 1000);
});
