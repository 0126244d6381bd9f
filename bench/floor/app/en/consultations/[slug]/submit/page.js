import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { insertSubmission } from "../../../../../insert.mjs";

async function submit(formData) {
  "use server";
  const id = await insertSubmission(formData);
  redirect(`/en/submissions/${id}?ok=submitted`);
}

// A server action with the portal form's field names, posted without JavaScript by bench/load.ts.
export default async function SubmitPage() {
  await connection();
  return (
    <form action={submit}>
      <input type="hidden" name="idempotencyKey" value={randomUUID().replaceAll("-", "")} />
      <input type="hidden" name="consultationId" value="" />
      <input type="hidden" name="organisationId" value="" />
      <input name="title" />
      <button>Send</button>
    </form>
  );
}
