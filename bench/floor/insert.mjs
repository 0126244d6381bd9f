// The least a submission needs, shared by the two baselines of bench/load.ts (the bare Node server,
// bench/baseline-server.ts, and the bare Next.js app, bench/floor/): one transaction through
// `postgres` that takes the next reference from the consultation's counter and inserts the
// submission, with no session, validation, audit or e-mail.
import postgres from "postgres";

let sql;
// The bench's users have no sessions here: the first member of each organisation is the author.
const authors = new Map();

/** Inserts the posted form (FormData) as a submitted input; returns its id. */
export async function insertSubmission(form) {
  sql ??= postgres(process.env.DATABASE_URL, { max: 10, onnotice: () => {} });
  const s = (k) => String(form.get(k) ?? "");
  const orgId = s("organisationId");
  let author = authors.get(orgId);
  if (!author) {
    const [m] = await sql`select user_id from memberships where organisation_id = ${orgId} limit 1`;
    author = m.user_id;
    authors.set(orgId, author);
  }
  return sql.begin(async (tx) => {
    const [c] =
      await tx`update consultations set last_reference = last_reference + 1 where id = ${s("consultationId")} returning code, last_reference`;
    const reference = `${c.code}-${String(c.last_reference).padStart(4, "0")}`;
    const [row] = await tx`
      insert into submissions (consultation_id, organisation_id, reference, status, title, themes, summary, body, recommendations,
        countries, language, contact_name, contact_email, publication, idempotency_key, created_by, submitted_at)
      values (${s("consultationId")}, ${orgId}, ${reference}, 'submitted', ${s("title")}, ${form.getAll("themes").map(Number)}, ${s("summary")},
        ${s("body")}, ${form.getAll("recommendations").map(String).filter(Boolean)}, ${form.getAll("countries").map(String)}, ${s("language")},
        ${s("contactName")}, ${s("contactEmail")}, ${s("publication")}, ${s("idempotencyKey")}, ${author}, now())
      returning id`;
    return row.id;
  });
}

export async function closeDatabase() {
  await sql?.end({ timeout: 2 });
}
