// `npm run journeys`: the reviewer's page. Builds the app, runs every journey spec
// (e2e/journey-*.spec.ts: each role's story in English and Arabic, with and without JavaScript) with
// JOURNEY_SHOTS=docs/journeys, so that each step's screenshot lands in docs/journeys/<role>/NN-step
// [-ar][-nojs].png, then writes docs/journeys/README.md showing them step by step. Embedded database
// only (unset DATABASE_URL), as the screenshots do not depend on it.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const out = path.resolve("docs/journeys");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", JOURNEY_SHOTS: out, DATABASE_URL: "" };

function run(label, cmd, args, extra = {}) {
  console.log(`\n[journeys] ${label}: ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...env, ...extra } });
  if (r.status !== 0) {
    console.error(`[journeys] ${label} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
}

// --doc-only: rewrite the page from the screenshots already there.
const docOnly = process.argv.includes("--doc-only");
// Old screenshots go first, so that the page shows this run's only.
for (const role of fs.existsSync(out) && !docOnly ? fs.readdirSync(out, { withFileTypes: true }) : []) {
  if (role.isDirectory()) fs.rmSync(path.join(out, role.name), { recursive: true, force: true });
}
if (!docOnly && process.env.JOURNEYS_SKIP_BUILD !== "1")
  run("build", "node_modules/.bin/next", ["build"], { NODE_ENV: "production" });
if (!docOnly) run("journeys", "node_modules/.bin/playwright", ["test", "journey-"]);

// ---------------------------------------------------------------- the page
const variants = [
  ["", "English, with JavaScript"],
  ["-ar", "Arabic, with JavaScript"],
  ["-nojs", "English, without JavaScript"],
  ["-ar-nojs", "Arabic, without JavaScript"],
];
const titles = {
  ngo: "A new NGO signs in, creates its organisation, registers two participants and submits an input in French",
  anchor: "An anchor of the Beirut consultation",
  "anchor-phone": "The anchor's queue on a phone (390 px)",
  secretariat: "The secretariat",
  public: "A visitor to the published inputs",
};
const roles = fs
  .readdirSync(out, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort((a, b) => Object.keys(titles).indexOf(a) - Object.keys(titles).indexOf(b) || a.localeCompare(b));
const lines = [
  "# Journeys, step by step",
  "",
  "Made by `npm run journeys` (the journey specs in `e2e/journey-*.spec.ts`, run against the production build in Chromium; every page checked with axe).",
  "Each step was taken in English and Arabic, with and without JavaScript.",
  "",
];
for (const role of roles) {
  const files = fs.readdirSync(path.join(out, role)).filter((f) => f.endsWith(".png"));
  const steps = [...new Set(files.map((f) => /^(\d\d-.+?)(-ar)?(-nojs)?\.png$/.exec(f)?.[1]).filter(Boolean))].sort();
  const present = variants.filter(([suffix]) => steps.some((s) => files.includes(`${s}${suffix}.png`)));
  lines.push(`## ${titles[role] ?? role}`, "");
  lines.push(
    `| step | ${present.map(([, label]) => label).join(" | ")} |`,
    `|---|${present.map(() => "---").join("|")}|`,
  );
  for (const step of steps) {
    const name = step.replace(/^(\d\d)-/, "$1. ").replaceAll("-", " ");
    const cells = present.map(([suffix]) => {
      const f = `${step}${suffix}.png`;
      return files.includes(f) ? `[![${name}](${role}/${f})](${role}/${f})` : "";
    });
    lines.push(`| ${name} | ${cells.join(" | ")} |`);
  }
  lines.push("");
}
fs.writeFileSync(path.join(out, "README.md"), lines.join("\n"));
console.log(`\n[journeys] ${path.relative(process.cwd(), path.join(out, "README.md"))}: ${roles.length} journeys`);
