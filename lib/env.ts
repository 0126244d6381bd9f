// Environment, validated once. Every variable the portal reads is here (and in README.md).
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // PostgreSQL connection string; when absent the embedded PGlite database in DATA_DIR is used.
  DATABASE_URL: z.string().url().optional(),
  // Folder for the embedded database and the generated local secret.
  DATA_DIR: z.string().min(1).default(".data"),
  // Auth.js secret; scripts/start.mjs generates one under DATA_DIR when unset.
  AUTH_SECRET: z.string().min(16).optional(),
  // Public base URL used in e-mailed links (Auth.js also reads AUTH_URL).
  APP_URL: z.string().url().optional(),
  // smtp://user:pass@host:port — without it e-mails are printed to the server log (local mode).
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).default("GCM consultations <no-reply@localhost>"),
  // Sign-in e-mails allowed per address, and per client address, per hour.
  SIGN_IN_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).max(10_000).default(5),
  SIGN_IN_LIMIT_PER_CLIENT: z.coerce.number().int().min(1).max(100_000).default(30),
  // Sign-in e-mails per hour from all clients together: the backstop a forged client address cannot pass.
  SIGN_IN_LIMIT_TOTAL: z.coerce.number().int().min(1).max(1_000_000).default(1000),
  // Reverse proxies in front of the app that append to X-Forwarded-For: the client is the entry that
  // many places from the right (1: the address the nearest proxy, or Next.js itself, saw).
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
  // Demo accounts are seeded in local mode (no DATABASE_URL) unless set to "false"; "true" forces them.
  DEMO_ACCOUNTS: z.enum(["true", "false"]).optional(),
  // Demo mode: let requests that do not come from this computer see the local outbox and use the
  // demo accounts (lib/security/peer.ts). Off unless "true".
  DEMO_ALLOW_REMOTE: z.enum(["true", "false"]).optional(),
  // Days after a consultation's end date when its participants' personal data is purged; unset: kept.
  PARTICIPANT_RETENTION_DAYS: z.coerce.number().int().min(0).max(36_500).optional(),
});

// With real e-mail, links must not take their host from a request's Host or X-Forwarded-Host header:
// whoever asks for someone else's link could point it at their own server and receive the token.
const checked = schema.refine((e) => e.NODE_ENV !== "production" || !e.SMTP_URL || e.APP_URL, {
  path: ["APP_URL"],
  message: "is required in production when SMTP_URL is set (e-mailed links are built on it)",
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  // An empty variable means unset (e.g. DATABASE_URL= to force the embedded database).
  const raw = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== ""));
  const parsed = checked.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

export function demoAccountsEnabled(e: Env = env()): boolean {
  if (e.DEMO_ACCOUNTS) return e.DEMO_ACCOUNTS === "true";
  return !e.DATABASE_URL;
}
