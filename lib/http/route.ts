import "server-only";
// One pipeline for every route handler under app/api (Auth.js's own aside), as lib/actions.ts is for
// server actions: the session (401 without one, for signed-in routes), the path's parameters checked
// by a schema (404 when malformed), the handler (lib/ authorises role and scope), and lib/'s refusal
// turned into the translated answer of lib/http/refusal.ts. Downloads get their headers here.
import { NextResponse, type NextRequest } from "next/server";
import * as z from "zod/mini";
import type { Actor } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";
import { slug } from "@/lib/zod";
import { downloadRefusal } from "./refusal";

type Refusal = 403 | 404;

interface RouteOptions<P> {
  /** The path's parameters; malformed ones answer 404 before the handler runs. */
  params?: z.ZodMiniType<P>;
  /** How lib/'s refusal answers: by default its 403 stays 403 and anything else is 404. */
  refusal?: (e: DomainError) => Refusal;
}

type Handler<A, P> = (ctx: { req: NextRequest; actor: A; params: P }) => Promise<Response>;
type RouteHandler = (
  req: NextRequest,
  ctx: { params: Promise<Record<string, string | string[]>> },
) => Promise<Response>;

const forbiddenOrNotFound = (e: DomainError): Refusal => (e.status === 403 ? 403 : 404);
/** For files: whatever lib/ refuses is "not found", so a refusal tells nothing of what exists. */
export const alwaysNotFound = (): Refusal => 404;

/** A path segment that looks like a row's UUID (lib/ still looks it up). */
export const idParam = z.object({ id: z.string().check(z.regex(/^[0-9a-f-]{36}$/i)) });

/** A consultation's slug in the path ("all" too, where the route takes it). */
export const slugParam = z.object({ slug: slug() });

/** A route for signed-in users: no session, 401 and nothing else runs. */
export function signedInRoute<P = unknown>(opts: RouteOptions<P>, handle: Handler<Actor, P>): RouteHandler {
  return async (req, ctx) => {
    const actor = await getActor();
    if (!actor) return downloadRefusal(req, 401);
    return run(req, ctx, opts, (params) => handle({ req, actor, params }));
  };
}

/** A route anyone may call (published files): lib/ decides what is public. */
export function publicRoute<P = unknown>(opts: RouteOptions<P>, handle: Handler<null, P>): RouteHandler {
  return (req, ctx) => run(req, ctx, opts, (params) => handle({ req, actor: null, params }));
}

async function run<P>(
  req: NextRequest,
  ctx: { params: Promise<unknown> },
  opts: RouteOptions<P>,
  handle: (params: P) => Promise<Response>,
): Promise<Response> {
  let params = undefined as P;
  if (opts.params) {
    const parsed = opts.params.safeParse(await ctx.params);
    if (!parsed.success) return downloadRefusal(req, 404);
    params = parsed.data;
  }
  try {
    return await handle(params);
  } catch (e) {
    if (e instanceof DomainError) return downloadRefusal(req, (opts.refusal ?? forbiddenOrNotFound)(e));
    throw e;
  }
}

/** `?format=` when it is one of these, else the first. */
export function formatParam<const F extends readonly [string, ...string[]]>(req: NextRequest, formats: F): F[number] {
  const parsed = z.enum(formats).safeParse(req.nextUrl.searchParams.get("format"));
  return parsed.success ? parsed.data : formats[0];
}

export const MEDIA_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json; charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  zip: "application/zip",
} as const;

/**
 * A file to download, never to render: attachment disposition, its type, no sniffing, and (unless
 * said otherwise) kept in no cache, as every download carries someone's data.
 */
export function downloadResponse(
  body: BodyInit,
  x: { mediaType: string; fileName: string; length?: number; cacheControl?: string },
): NextResponse {
  return new NextResponse(body, {
    headers: {
      "Cache-Control": x.cacheControl ?? "no-store, private",
      "Content-Type": x.mediaType,
      "Content-Disposition": `attachment; filename="${x.fileName}"`,
      ...(x.length === undefined ? {} : { "Content-Length": String(x.length) }),
      "X-Content-Type-Options": "nosniff",
    },
  });
}
