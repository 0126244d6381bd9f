// The state a form action returns; shared by server actions and client forms (no server imports).
import type { FieldErrors, FormValues } from "./validation";

export interface FormState {
  status: "idle" | "error" | "success";
  message?: string;
  fieldErrors?: FieldErrors;
  values?: FormValues;
}

export const idle: FormState = { status: "idle" };
