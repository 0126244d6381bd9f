// Baseline for bench/load.ts: a bare Node `http` server that does the least a submission needs —
// parse the same multipart form post, then one transaction through `postgres` (bench/floor/insert.mjs:
// take the next reference from the consultation's counter, insert the submission) and answer 303 —
// with no framework, session, validation, audit or e-mail. Started by bench/load.ts; not part of the app.
//
//   PORT=3541 DATABASE_URL=postgres://… node --import tsx bench/baseline-server.ts
import http from "node:http";
import { closeDatabase, insertSubmission } from "./floor/insert.mjs";

const port = Number(process.env.PORT ?? 3541);

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
        const form = await new Request("http://baseline/", {
          method: "POST",
          headers: { "content-type": req.headers["content-type"] ?? "" },
          body: Buffer.concat(chunks),
        }).formData();
        const id = await insertSubmission(form);
        res.writeHead(303, { location: `/en/submissions/${id}?ok=submitted` }).end();
      } catch (e) {
        console.error(e);
        res.writeHead(500).end("error");
      }
    })();
  });
});
server.listen(port, "127.0.0.1", () => console.log(`[baseline] listening on ${port}`));
for (const sig of ["SIGTERM", "SIGINT"])
  process.on(sig, () => server.close(() => void closeDatabase().then(() => process.exit(0))));
