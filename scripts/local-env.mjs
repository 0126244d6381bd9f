// Defaults that let a fresh clone run with no configuration: a secret generated once and kept in
// DATA_DIR, and Auth.js told to trust the local host. Explicit environment variables always win.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export function localEnv(base = process.env) {
  const out = { ...base };
  const dataDir = out.DATA_DIR || ".data";
  if (!out.AUTH_SECRET) {
    fs.mkdirSync(dataDir, { recursive: true });
    const file = path.join(dataDir, "auth-secret");
    if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
    out.AUTH_SECRET = fs.readFileSync(file, "utf8").trim();
  }
  out.AUTH_TRUST_HOST ??= "true";
  return out;
}
