// The state a form action returns; shared by server actions and client forms (no server imports).
import type { FieldErrors, FormValues } from "./validation";

export interface FormState {
  status: "idle" | "error" | "success";
  message?: string;
  fieldErrors?: FieldErrors;
  values?: FormValues;
  /** Whatever the action wants the page to know (e.g. the saved draft's id and version). */
  data?: Record<string, string | number>;
}

export const idle: FormState = { status: "idle" };

/** A field the browser's script adds when it sends a form itself (the no-JavaScript post lacks it). */
export const ENHANCED = "__enhanced";
