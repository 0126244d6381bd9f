// Shared by server actions and client forms: zod issues → messages in the user's language, and
// FormData → plain objects (repeated names become arrays).
import type * as z from "zod/mini";

export type Translate = (key: string, values?: Record<string, string | number>) => string;
export type FieldErrors = Record<string, string[]>;

/** Zod issue → a key of the "validation" namespace (schemas carry no English). */
// Schemas name their own messages by key ("consentRequired"); zod's defaults are English sentences.
export const isMessageKey = (m: unknown): m is string => typeof m === "string" && /^[a-z][A-Za-z]+$/.test(m);

export function issueMessage(issue: z.core.$ZodRawIssue | z.core.$ZodIssue, t: Translate): string {
  if (isMessageKey(issue.message)) return t(issue.message);
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string" && Number(issue.minimum) <= 1) return t("required");
      if (issue.origin === "array" || issue.origin === "set") return t("tooFewItems", { min: Number(issue.minimum) });
      if (issue.origin === "string") return t("tooShort", { min: Number(issue.minimum) });
      return t("tooSmall", { min: Number(issue.minimum) });
    case "too_big":
      if (issue.origin === "string") return t("tooLong", { max: Number(issue.maximum) });
      if (issue.origin === "array" || issue.origin === "set") return t("tooManyItems", { max: Number(issue.maximum) });
      return t("tooBig", { max: Number(issue.maximum) });
    case "invalid_format":
      if (issue.input === "") return t("required");
      if (issue.format === "email") return t("invalidEmail");
      if (issue.format === "url") return t("invalidUrl");
      return t("invalidFormat");
    case "invalid_value":
      return t("invalidChoice");
    case "invalid_type":
      return issue.input === undefined || issue.input === "" ? t("required") : t("invalidFormat");
    case "custom": {
      const key = typeof issue.message === "string" ? issue.message : "";
      return key ? t(key) : t("invalidFormat");
    }
    default:
      return t("invalidFormat");
  }
}

export function fieldErrorsOf(error: z.core.$ZodError, t: Translate): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    (out[key] ??= []).push(issueMessage(issue, t));
  }
  return out;
}

export type FormValues = Record<string, string | string[]>;

/**
 * "participants.0.name" style keys (react-hook-form's naming) → nested objects and arrays, for the
 * schema to parse. Holes in arrays (a removed row) are dropped.
 */
export function nest(values: FormValues): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const parts = key.split(".");
    if (parts.some((p) => p === "__proto__" || p === "constructor" || p === "prototype")) continue;
    let node: Record<string, unknown> = root;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) {
        node[part] = value;
        return;
      }
      const nextIsIndex = /^\d{1,3}$/.test(parts[i + 1] ?? "");
      node[part] ??= nextIsIndex ? [] : {};
      node = node[part] as Record<string, unknown>;
    });
  }
  const compact = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.filter((x) => x !== undefined).map(compact)
      : v && typeof v === "object"
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, compact(x)]))
        : v;
  return compact(root) as Record<string, unknown>;
}

/** FormData → object; framework fields ($ACTION_…) and files are left out. */
export function formDataToObject(fd: FormData, arrays: readonly string[] = []): FormValues {
  const out: FormValues = {};
  for (const [k, v] of fd.entries()) {
    if (k.startsWith("$ACTION") || typeof v !== "string") continue;
    const prev = out[k];
    if (prev === undefined) out[k] = arrays.includes(k) ? [v] : v;
    else out[k] = Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  for (const k of arrays) out[k] ??= [];
  return out;
}
