"use client";
// react-hook-form + the form's zod schema in the browser, the same schema in the server action.
// Without JavaScript the form posts natively and the server's errors and values are rendered.
//
// zod and the resolver are not in the form's first scripts: they are fetched as soon as the page
// has hydrated (about 27 KB compressed that a phone on a slow link would otherwise download and
// parse before the form reacts). A form passes its schema, or a loader of it (`() =>
// import("@/lib/…/schemas").then((m) => m.schema)`) to keep the schema's module out too. Until
// they arrive, a check waits for them; the server validates every post either way.
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import { useForm, type FieldValues, type Resolver } from "react-hook-form";
import type * as z from "zod/mini";
import type { FormState } from "@/lib/form-state";
import { isMessageKey, issueMessage } from "@/lib/validation";

type Schema = z.ZodMiniType<FieldValues, FieldValues>;

export function useSchemaForm<S extends Schema>(
  schema: S | (() => Promise<S>),
  action: (prev: FormState, fd: FormData) => Promise<FormState>,
  initial: FormState,
  /** Initial values for react-hook-form, from the state the server rendered (after a no-JS post too). */
  defaultValues?: (state: FormState) => FieldValues,
) {
  const [state, formAction, pending] = useActionState(action, initial);
  const t = useTranslations("validation");
  const translate = (k: string, v?: Record<string, string | number>) => t(k as never, v as never);
  const resolverRef = useRef<Promise<Resolver<FieldValues>> | null>(null);
  const loadResolver = () =>
    (resolverRef.current ??= Promise.all([
      import("@hookform/resolvers/zod"),
      typeof schema === "function" ? schema() : schema,
    ]).then(
      ([{ zodResolver }, s]) =>
        // Parsed synchronously, as the server action parses: under parseAsync zod/mini runs each transform
        // as a promise, and a union then prefers a later branch that passes at once ("" capacity → 0, not null).
        zodResolver(s as never, { error: (iss: z.core.$ZodRawIssue) => issueMessage(iss, translate) } as never, {
          mode: "sync",
        }) as unknown as Resolver<FieldValues>,
    ));
  // Fetched once the page has hydrated, not before.
  useEffect(() => {
    loadResolver().catch(() => (resolverRef.current = null));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per form
  }, []);
  const form = useForm({
    // If the scripts cannot be fetched (the connection dropped), the post goes ahead unchecked and
    // the server's answer shows any errors; the next check tries the fetch again.
    resolver: async (values, context, options) => {
      const resolve = await loadResolver().catch(() => {
        resolverRef.current = null;
        return null;
      });
      return resolve ? resolve(values, context, options) : { values, errors: {} };
    },
    mode: "onBlur",
    defaultValues: defaultValues?.(state),
  });

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    const el = e.currentTarget;
    void form.handleSubmit(() => startTransition(() => formAction(new FormData(el))))(e);
  };

  // A schema's own message is a key of the "validation" namespace.
  const show = (m: string) => (isMessageKey(m) && t.has(m as never) ? translate(m) : m);
  const clientErrors = flattenErrors(form.formState.errors);

  /** Client errors first (they are newer), then the server's. */
  const errorsFor = (name: string): string[] => {
    const client = clientErrors[name];
    if (client) return [show(client)];
    return state.fieldErrors?.[name] ?? [];
  };
  const allErrors: Record<string, string[]> = { ...(state.fieldErrors ?? {}) };
  for (const [k, v] of Object.entries(clientErrors)) allErrors[k] = [show(v)];

  const value = (name: string): string | undefined => {
    const v = state.values?.[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const values = (name: string): string[] => {
    const v = state.values?.[name];
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  };

  /**
   * A text or select field's errors, registration and value (else `fallback`, the value of a new
   * form), spread onto TextField or SelectField.
   */
  const field = (name: string, fallback?: string) => ({
    errors: errorsFor(name),
    registration: form.register(name),
    defaultValue: value(name) ?? fallback,
  });

  return {
    state,
    formAction,
    pending,
    form,
    onSubmit,
    errorsFor,
    allErrors,
    value,
    values,
    field,
    register: form.register,
  };
}

/** react-hook-form's nested errors → { "participants.0.name": message }. */
function flattenErrors(errors: unknown, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  if (!errors || typeof errors !== "object") return out;
  for (const [k, v] of Object.entries(errors as Record<string, unknown>)) {
    if (k === "ref" || k === "type" || k === "types") continue;
    const key = prefix ? `${prefix}.${k}` : k;
    const msg = (v as { message?: unknown } | undefined)?.message;
    if (typeof msg === "string") out[key] = msg;
    else Object.assign(out, flattenErrors(v, key));
  }
  return out;
}

/** What useSchemaForm returns, for components that render part of a form's fields. */
export type SchemaForm = ReturnType<typeof useSchemaForm>;
