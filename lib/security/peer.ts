import "server-only";
// Demo mode's loopback rule: the local outbox and the demo accounts answer only requests whose
// socket came from this computer, unless DEMO_ALLOW_REMOTE=true. The address is the one the server
// (scripts/server.mjs) read from the socket; X-Forwarded-For and the like are never consulted, as
// any client can write them.
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { PEER_HEADER } from "@/scripts/mode.mjs";

/** 127.0.0.0/8, ::1 and IPv4-mapped 127.x; anything else (or nothing) is not loopback. */
export function isLoopbackAddress(address: string | null | undefined): boolean {
  if (!address) return false;
  const a = address.trim().toLowerCase();
  return a === "::1" || /^127(\.\d{1,3}){3}$/.test(a) || /^::ffff:127(\.\d{1,3}){3}$/.test(a);
}

/** Whether this request may see the local outbox or use a demo account. */
export function demoAllowedFor(requestHeaders: Pick<Headers, "get">): boolean {
  if (env().DEMO_ALLOW_REMOTE === "true") return true;
  return isLoopbackAddress(requestHeaders.get(PEER_HEADER));
}

export async function demoAllowedForThisRequest(): Promise<boolean> {
  return demoAllowedFor(await headers());
}
