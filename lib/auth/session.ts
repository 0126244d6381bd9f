import "server-only";
import { cache } from "react";
import { auth } from "@/lib/auth";
import { loadActor, type Actor } from "./actor";

/** The signed-in actor for this request, or null. Cached per request. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  return loadActor(userId);
});
