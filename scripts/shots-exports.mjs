// `npm run shots:exports`: pictures of what the exports look like where people open them. Runs
// e2e/exports.spec.ts on the embedded database (it types inputs, downloads every export through the
// dashboard and checks them), keeping the downloads in shots/exports/embedded/ and pictures of the
// pages that link them (dashboard, /moderation/all, secretariat, export log), then has LibreOffice
// headless print the XLSX and DOCX files to PDF and pdftoppm turn each page into a PNG in
// shots/exports/png/. Builds first when there is no production build. Port: E2E_PORT (default 3100).
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const out = path.join(root, "shots", "exports");
const files = path.join(out, "embedded");
const png = path.join(out, "png");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function run(cmd, args, extra = {}) {
  const r = spawnSync(cmd, args, { stdio: "inherit", cwd: root, env: { ...env, ...extra } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

fs.rmSync(out, { recursive: true, force: true });
// The spec also puts pictures of the pages that link the exports here.
fs.mkdirSync(png, { recursive: true });
if (!fs.existsSync(path.join(root, ".next", "BUILD_ID")))
  run("node_modules/.bin/next", ["build"], { NODE_ENV: "production" });
// Only the embedded server: DATABASE_URL emptied.
run("node_modules/.bin/playwright", ["test", "e2e/exports.spec.ts", "--project=embedded"], {
  EXPORT_SHOTS_DIR: out,
  DATABASE_URL: "",
});

fs.mkdirSync(png, { recursive: true });
const pdfDir = fs.mkdtempSync(path.join(os.tmpdir(), "shots-pdf-"));
for (const name of ["inputs.xlsx", "participants.xlsx", "summary-fr.docx", "summary-ar.docx", "summary-es.docx"]) {
  const file = path.join(files, name);
  if (!fs.existsSync(file)) throw new Error(`missing ${file}`);
  // A LibreOffice profile of its own, so that a LibreOffice already running does not take the job.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "lo-profile-"));
  execFileSync(
    "libreoffice",
    [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", file, "--outdir", pdfDir],
    { stdio: "pipe" },
  );
  fs.rmSync(profile, { recursive: true, force: true });
  const base = name.replace(/\.\w+$/, "");
  const ext = name.endsWith(".xlsx") ? "xlsx" : "docx";
  // The first pages are enough to see the layout.
  execFileSync("pdftoppm", [
    "-png",
    "-r",
    "70",
    "-l",
    "6",
    path.join(pdfDir, `${base}.pdf`),
    path.join(png, `${base}-${ext}`),
  ]);
}
fs.rmSync(pdfDir, { recursive: true, force: true });
for (const f of fs.readdirSync(png).sort()) console.log(path.join("shots/exports/png", f));
