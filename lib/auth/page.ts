import "server-only";
import { notFound, redirect } from "next/navigation";
import type { Actor } from "./actor";
import { getActor } from "./session";
import { ForbiddenError, NotFoundError } from "@/lib/errors";

/** For pages that need a signed-in user: otherwise to the sign-in page, coming back afterwards. */
export async function requirePageActor(locale: string, path: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/${locale}/sign-in?next=${encodeURIComponent(`/${locale}${path}`)}`);
  return actor;
}

/** Runs a lib/ read for a page: NotFound → the 404 page; Forbidden → null (the page shows 403). */
export async function loadOrDeny<T>(load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    if (e instanceof ForbiddenError) return null;
    throw e;
  }
}
