import "server-only";
// One pipeline for every server action: session → safeParse → lib call (which authorises role and
// scope) → result. Errors come back translated, field by field, with what the user typed.
import { redirect, unstable_rethrow } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import type * as z from "zod/mini";
import type { Actor } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/session";
import { DomainError, isDatabaseUnavailable } from "@/lib/errors";
import { redactForLog } from "@/lib/redact";
import { markedFileErrors } from "@/lib/submissions/files";
import type { FormState } from "@/lib/form-state";
import { fieldErrorsOf, formDataToObject, nest, type FormValues } from "@/lib/validation";
import type { AppLocale } from "@/lib/i18n/config";

export type { FormState } from "@/lib/form-state";

// The request context an action reads. Tests swap it (see permissions.test.ts) to call every action
// as any actor, with no Next.js request around it.
export interface ActionDeps {
  getActor: () => Promise<Actor | null>;
  getLocale: () => Promise<string>;
  getTranslations: (
    namespace: "errors" | "validation",
  ) => Promise<(key: string, values?: Record<string, unknown>) => string>;
}
const realDeps: ActionDeps = {
  getActor,
  getLocale,
  getTranslations: async (ns) => {
    const t = await getTranslations(ns);
    return (key, values) => t(key as never, values as never);
  },
};
export const ACTION_DEPS = Symbol.for("gcm.actionDeps");
const deps = (): ActionDeps => (globalThis as { [ACTION_DEPS]?: ActionDeps })[ACTION_DEPS] ?? realDeps;

// Fields never echoed back to the page (nothing secret is typed into our forms today; kept for later).
const SECRET_FIELDS = new Set(["token"]);

type Run<I, A> = (ctx: { actor: A; input: I; locale: AppLocale; formData: FormData }) => Promise<FormState | void>;

/** A server action for signed-in users: no session, no call. */
export function formAction<S extends z.ZodMiniType>(opts: {
  schema: S;
  arrays?: readonly string[];
  run: Run<z.infer<S>, Actor>;
  /** Before validation: buttons that only change the form (add a row without JavaScript). */
  intercept?: (values: FormValues) => FormState | null;
}): (prev: FormState, formData: FormData) => Promise<FormState> {
  return pipeline(opts.schema, opts.arrays, true, opts.run as Run<z.infer<S>, Actor | null>, opts.intercept);
}

/** A server action anyone may call (sign-in): it still validates, and lib/ still rate-limits. */
export function publicFormAction<S extends z.ZodMiniType>(opts: {
  schema: S;
  arrays?: readonly string[];
  run: Run<z.infer<S>, Actor | null>;
}): (prev: FormState, formData: FormData) => Promise<FormState> {
  return pipeline(opts.schema, opts.arrays, false, opts.run);
}

function pipeline<S extends z.ZodMiniType>(
  schema: S,
  arrays: readonly string[] | undefined,
  requireActor: boolean,
  run: Run<z.infer<S>, Actor | null>,
  intercept?: (values: FormValues) => FormState | null,
): (prev: FormState, formData: FormData) => Promise<FormState> {
  return async (_prev, given) => {
    // A server action is a public endpoint: its argument may be anything a client encoded.
    const formData = given instanceof FormData ? given : new FormData();
    const d = deps();
    const locale = (await d.getLocale()) as AppLocale;
    // The translators are made only when there is an error to say (the common answer has none).
    let errors: ReturnType<ActionDeps["getTranslations"]> | undefined;
    const tErrors = () => (errors ??= d.getTranslations("errors"));
    const raw = formDataToObject(formData, arrays);
    const values = Object.fromEntries(Object.entries(raw).filter(([k]) => !SECRET_FIELDS.has(k)));
    let actor: Actor | null;
    try {
      actor = await d.getActor();
    } catch (e) {
      // The session could not be read (database unreachable): say so, keeping what was typed.
      if (!isDatabaseUnavailable(e)) throw e;
      console.error(`[action] database unavailable: ${(e as Error).message}`);
      return { status: "error", message: (await tErrors())("unavailable"), values };
    }
    if (requireActor && !actor) return { status: "error", message: (await tErrors())("signInRequired"), values };
    const intercepted = intercept?.(values);
    if (intercepted) return intercepted;
    // reportInput: an empty field is "required", not "invalid".
    const parsed = schema.safeParse(nest(raw), { reportInput: true });
    const hasFiles = [...formData.values()].some((v) => typeof v !== "string");
    const fileErrors = hasFiles ? markedFileErrors(formData, await tErrors()) : {};
    if (!parsed.success || Object.keys(fileErrors).length > 0) {
      const tErr = await tErrors();
      const tVal = parsed.success ? undefined : await d.getTranslations("validation");
      return {
        status: "error",
        message: tErr("checkFields"),
        fieldErrors: { ...(parsed.success ? {} : fieldErrorsOf(parsed.error, (k, v) => tVal!(k, v))), ...fileErrors },
        values,
      };
    }
    try {
      return (await run({ actor, input: parsed.data, locale, formData })) ?? { status: "success" };
    } catch (e) {
      // Next.js signals (a redirect from run, notFound …) go on to Next.js, not into the form.
      unstable_rethrow(e);
      const tErr = await tErrors();
      if (e instanceof DomainError) {
        const message = tErr(e.code, e.values);
        if (e.field)
          return { status: "error", message: tErr("checkFields"), fieldErrors: { [e.field]: [message] }, values };
        return { status: "error", message, values };
      }
      console.error(`[action] ${(e as Error).name}: ${redactForLog((e as Error).message)}`);
      // A lost connection may have happened after the commit: the message says to send again,
      // which the idempotency key makes safe.
      return { status: "error", message: tErr(isDatabaseUnavailable(e) ? "unavailable" : "unexpected"), values };
    }
  };
}

/**
 * A one-button server action (remove, transfer, verify, accept …) for plain forms that work without
 * JavaScript: it runs the pipeline and redirects back with ?ok=… or ?error=… for the page to show.
 */
export function buttonAction<S extends z.ZodMiniType>(opts: {
  schema: S;
  arrays?: readonly string[];
  run: (ctx: { actor: Actor; input: z.infer<S>; locale: AppLocale }) => Promise<{ to: string; ok: string }>;
  back: (input: Record<string, unknown>, locale: AppLocale) => string;
}): (formData: FormData) => Promise<void> {
  return async (given) => {
    const formData = given instanceof FormData ? given : new FormData();
    const d = deps();
    const locale = (await d.getLocale()) as AppLocale;
    const raw = formDataToObject(formData, opts.arrays);
    const actor = await d.getActor();
    if (!actor) redirect(`/${locale}/sign-in`);
    const parsed = opts.schema.safeParse(nest(raw));
    // The page to return to is built from the posted fields: a forged one thousands of characters
    // long would make a Location header past what clients parse ("Header overflow"). Home instead.
    const wanted = opts.back(raw, locale);
    const back = wanted.length <= 1000 ? wanted : `/${locale}`;
    if (!parsed.success) redirect(withParam(back, "error", "checkFields"));
    let target: string;
    try {
      const r = await opts.run({ actor, input: parsed.data, locale });
      target = withParam(r.to, "ok", r.ok);
    } catch (e) {
      // Next.js signals (a redirect from run, notFound …) go on to Next.js, not into the form.
      unstable_rethrow(e);
      const code = e instanceof DomainError ? e.code : "unexpected";
      if (!(e instanceof DomainError))
        console.error(`[action] ${(e as Error).name}: ${redactForLog((e as Error).message)}`);
      target = withParam(back, "error", code);
    }
    redirect(target);
  };
}

function withParam(path: string, key: string, value: string): string {
  const u = new URL(path, "http://x");
  u.searchParams.set(key, value);
  return `${u.pathname}${u.search}`;
}

/** The acting user as the action pipeline sees it (for the few actions with no form fields). */
export async function currentActor(): Promise<Actor | null> {
  return deps().getActor();
}

export async function currentLocale(): Promise<AppLocale> {
  return (await deps().getLocale()) as AppLocale;
}
