// The registration form's participant rows, without JavaScript: "add" and "remove" buttons post
// the form, and the server answers with the rows changed (nothing is saved).
import type { FormValues } from "@/lib/validation";
import { MAX_PARTICIPANTS } from "./fields";

const ROW = /^participants\.(\d+)\.(.+)$/;

export function rowCount(values: FormValues | undefined): number {
  let max = -1;
  for (const k of Object.keys(values ?? {})) {
    const m = ROW.exec(k);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
}

export function applyRowIntent(values: FormValues): FormValues | null {
  const intent = typeof values.intent === "string" ? values.intent : "";
  if (intent === "add") {
    const n = rowCount(values);
    if (n >= MAX_PARTICIPANTS) return { ...values, intent: "" };
    return { ...values, intent: "", [`participants.${n}.attendance`]: "in_person" };
  }
  const remove = /^remove:(\d+)$/.exec(intent);
  if (remove) {
    const drop = Number(remove[1]);
    const out: FormValues = {};
    for (const [k, v] of Object.entries(values)) {
      const m = ROW.exec(k);
      if (!m) out[k] = v;
      else if (Number(m[1]) !== drop) out[`participants.${Number(m[1]) > drop ? Number(m[1]) - 1 : m[1]}.${m[2]}`] = v;
    }
    out.intent = "";
    return out;
  }
  return null;
}
