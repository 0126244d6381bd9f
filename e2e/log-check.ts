// Global teardown: the servers' logs of this run hold no personal data: no e-mail
// address (plain or URL-encoded) and none of the names or nationalities the specs typed. The names
// come from PERSONAL_DATA_TYPED in helpers.ts and from the specs themselves (what they fill into a
// name field, and the country names of the nationalities they choose), so a new spec is covered.
import fs from "node:fs";
import path from "node:path";
import { PERSONAL_DATA_TYPED } from "./helpers";
import { serverDataDirs, serverLogPath } from "./server-logs";

const EMAIL = /[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const NAME_LABEL = /name|nombre|\bnom\b|person|personne|persona|الاسم/i;
const NATIONALITY_LABEL = /nationalit|nacionalidad|الجنسية/i;

/** Names typed into name fields and nationalities chosen, read from the spec files. */
export function personalDataInSpecs(dir = path.join(process.cwd(), "e2e")): string[] {
  const out = new Set<string>(PERSONAL_DATA_TYPED);
  const countryNames = ["en", "fr", "es", "ar"].map((l) => new Intl.DisplayNames([l], { type: "region" }));
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".spec.ts"))) {
    const src = fs.readFileSync(path.join(dir, file), "utf8");
    for (const m of src.matchAll(/getByLabel\((["'`])(.*?)\1[^)]*\)\.fill\((["'])(.*?)\3\)/g)) {
      if (NAME_LABEL.test(m[2]!) && m[4]!.trim()) out.add(m[4]!.trim());
    }
    for (const m of src.matchAll(/getByLabel\((["'`])(.*?)\1[^)]*\)\.selectOption\((["'])([A-Z]{2})\3\)/g)) {
      if (NATIONALITY_LABEL.test(m[2]!)) for (const names of countryNames) out.add(names.of(m[4]!) ?? m[4]!);
    }
  }
  return [...out];
}

export function personalDataInLog(log: string, typed: readonly string[]): string[] {
  const found = new Set<string>(log.match(EMAIL) ?? []);
  const lower = log.toLowerCase();
  for (const t of typed) if (lower.includes(t.toLowerCase())) found.add(t);
  return [...found];
}

export default async function checkServerLogs() {
  const typed = personalDataInSpecs();
  const problems: string[] = [];
  for (const dir of Object.values(serverDataDirs)) {
    const file = serverLogPath(dir);
    if (!fs.existsSync(file)) continue;
    const found = personalDataInLog(fs.readFileSync(file, "utf8"), typed);
    if (found.length)
      problems.push(`${file}: ${found.slice(0, 10).join(", ")}${found.length > 10 ? ` … (${found.length})` : ""}`);
  }
  if (problems.length) throw new Error(`Personal data in the server logs:\n${problems.join("\n")}`);
}
