// Baseline for bench/load.ts: a bare Node `http` server that does the least a submission needs —
// parse the same multipart form post, then one transaction through `postgres` (take the next
// reference from the consultation's counter, insert the submission) and answer 303 — with no
// framework, session, validation, audit or e-mail. Started by bench/load.ts; not part of the app.
//
//   PORT=3541 DATABASE_URL=postgres://… node --import tsx bench/baseline-server.ts
import http from "node:http";
import postgres from "postgres";

const port = Number(process.env.PORT ?? 3541);
const sql = postgres(process.env.DATABASE_URL!, { max: 10, onnotice: () => {} });
// The bench's users have no sessions here: the first user of each organisation is the author.
const authors = new Map<string, string>();

const server = http.createServer((req, res) => {
  if (req.method !== "POST") {
    res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    return;
  }
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    void (async () => {
      try {
        const form = await new Request("http://baseline/", { method: "POST", headers: { "content-type": req.headers["content-type"] ?? "" }, body: Buffer.concat(chunks) }).formData();
        const s = (k: string) => String(form.get(k) ?? "");
        const orgId = s("organisationId");
        let author = authors.get(orgId);
        if (!author) {
          const [m] = await sql`select user_id from memberships where organisation_id = ${orgId} limit 1`;
          author = m!.user_id as string;
          authors.set(orgId, author);
        }
        const id = await sql.begin(async (tx) => {
          const [c] = await tx`update consultations set last_reference = last_reference + 1 where id = ${s("consultationId")} returning code, last_reference`;
          const reference = `${c!.code}-${String(c!.last_reference).padStart(4, "0")}`;
          const [row] = await tx`
            insert into submissions (consultation_id, organisation_id, reference, status, title, themes, summary, body, recommendations,
              countries, language, contact_name, contact_email, publication, idempotency_key, created_by, submitted_at)
            values (${s("consultationId")}, ${orgId}, ${reference}, 'submitted', ${s("title")}, ${form.getAll("themes").map(Number)}, ${s("summary")},
              ${s("body")}, ${form.getAll("recommendations").map(String).filter(Boolean)}, ${form.getAll("countries").map(String)}, ${s("language")},
              ${s("contactName")}, ${s("contactEmail")}, ${s("publication")}, ${s("idempotencyKey")}, ${author}, now())
            returning id`;
          return row!.id as string;
        });
        res.writeHead(303, { location: `/en/submissions/${id}?ok=submitted` }).end();
      } catch (e) {
        console.error(e);
        res.writeHead(500).end("error");
      }
    })();
  });
});
server.listen(port, "127.0.0.1", () => console.log(`[baseline] listening on ${port}`));
for (const sig of ["SIGTERM", "SIGINT"]) process.on(sig, () => server.close(() => void sql.end({ timeout: 2 }).then(() => process.exit(0))));
