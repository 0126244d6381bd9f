import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";

/** Base URL for links in e-mails: APP_URL when set, else the current request's origin. */
export async function appBaseUrl(): Promise<string> {
  const configured = env().APP_URL;
  if (configured) return configured.replace(/\/$/, "");
  try {
    const h = await headers();
    const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
    const proto = h.get("x-forwarded-proto") ?? "http";
    return `${proto}://${host}`;
  } catch {
    return "http://localhost:3000";
  }
}
