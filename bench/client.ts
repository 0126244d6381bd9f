// A no-JavaScript browser for the HTTP benchmarks (bench/nothing-lost.ts, bench/load.ts): signed-in
// sessions created directly in the app's database, and inputs sent as the submit page's plain
// multipart form post (its server action travels in the form's hidden `$ACTION_…` fields).
//
// Success is what a browser sees: 303 See Other to /<locale>/submissions/<id>?ok=submitted; that page
// shows the reference (e.g. MENA-0042).
import { randomBytes, randomUUID } from "node:crypto";
import type postgres from "postgres";
import { countryCodes } from "@/lib/i18n/countries";
import { benchLanguages, regionCountries, regionLanguages } from "./corpus";
import { int, mulberry32, sample, texts, weighted, type Rng } from "./generate";

/** Auth.js's session cookie on plain http (on https it is `__Secure-authjs.session-token`). */
export const SESSION_COOKIE = "authjs.session-token";

export interface BenchUser {
  userId: string;
  email: string;
  organisationId: string;
  /** `authjs.session-token=…`, ready for a Cookie header. */
  cookie: string;
}

/**
 * `users` people spread over `organisations` new organisations (user i belongs to organisation
 * i mod organisations), each with a database session valid for a day.
 */
export async function createUsers(
  sql: postgres.Sql,
  { users, organisations, tag }: { users: number; organisations: number; tag: string },
): Promise<BenchUser[]> {
  const orgIds = Array.from({ length: organisations }, () => randomUUID());
  await sql`insert into organisations ${sql(
    orgIds.map((id, i) => ({
      id,
      name: `Bench organisation ${tag} ${i + 1}`,
      country: "FJ",
      type: "ngo",
      contact_email: `org${i + 1}-${tag}@example.net`,
      working_languages: ["en"],
      verified_at: new Date(),
    })),
  )}`;
  const out: BenchUser[] = [];
  for (let i = 0; i < users; i++) {
    const userId = randomUUID();
    const email = `user${i + 1}-${tag}@example.net`;
    out.push({
      userId,
      email,
      organisationId: orgIds[i % organisations]!,
      cookie: `${SESSION_COOKIE}=${randomBytes(32).toString("hex")}`,
    });
  }
  const rows = <T>(f: (u: BenchUser, i: number) => T) => out.map(f);
  await sql`insert into users ${sql(rows((u, i) => ({ id: u.userId, email: u.email, name: `Bench user ${i + 1}`, email_verified: new Date() })))}`;
  await sql`insert into memberships ${sql(rows((u, i) => ({ organisation_id: u.organisationId, user_id: u.userId, role: i < organisations ? "owner" : "member" })))}`;
  await sql`insert into sessions ${sql(
    rows((u) => ({
      session_token: u.cookie.slice(SESSION_COOKIE.length + 1),
      user_id: u.userId,
      expires: new Date(Date.now() + 86_400_000),
    })),
  )}`;
  return out;
}

/** A moderator (anchor of one consultation) with a session, for the queue pages. */
export async function createAnchor(
  sql: postgres.Sql,
  consultationId: string,
  tag: string,
): Promise<{ userId: string; cookie: string }> {
  const userId = randomUUID();
  const token = randomBytes(32).toString("hex");
  await sql`insert into users (id, email, name, email_verified) values (${userId}, ${`anchor-${tag}@example.net`}, ${"Bench anchor"}, now())`;
  await sql`insert into role_grants (user_id, role, consultation_id) values (${userId}, 'anchor', ${consultationId})`;
  await sql`insert into sessions (session_token, user_id, expires) values (${token}, ${userId}, now() + interval '1 day')`;
  return { userId, cookie: `${SESSION_COOKIE}=${token}` };
}

// ---------------------------------------------------------------- the form
export interface SubmitForm {
  /** Every hidden field of the form, in page order (server action envelope, ids, idempotency key). */
  hidden: [string, string][];
  consultationId: string;
  organisationId: string;
  idempotencyKey: string;
}

const entities: Record<string, string> = { amp: "&", quot: '"', lt: "<", gt: ">", apos: "'", nbsp: "\u00a0" };
export function decodeHtml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === "#")
      return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return entities[e.toLowerCase()] ?? m;
  });
}

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([a-zA-Z_:$][-\w:.$]*)(?:="([^"]*)")?/g)) out[m[1]!] = decodeHtml(m[2] ?? "");
  return out;
}

/** The input form of a rendered submit page, or null when the page has none. */
export function parseSubmitForm(html: string): SubmitForm | null {
  const form = html.split(/<form\b/).find((part) => part.includes('name="idempotencyKey"'));
  if (!form) return null;
  const hidden: [string, string][] = [];
  for (const m of form.slice(0, form.indexOf("</form>")).matchAll(/<input\b[^>]*>/g)) {
    const a = attrs(m[0]);
    if (a.type === "hidden" && a.name) hidden.push([a.name, a.value ?? ""]);
  }
  const get = (k: string) => hidden.find(([n]) => n === k)?.[1] ?? "";
  if (!hidden.some(([n]) => n.startsWith("$ACTION"))) return null;
  return {
    hidden,
    consultationId: get("consultationId"),
    organisationId: get("organisationId"),
    idempotencyKey: get("idempotencyKey"),
  };
}

// ---------------------------------------------------------------- inputs
export interface InputContent {
  title: string;
  themes: number[];
  summary: string;
  body: string;
  recommendations: string[];
  countries: string[];
  language: string;
  contactName: string;
  contactEmail: string;
  publication: "named" | "anonymous" | "none";
}

/** A realistic input for a consultation (bench/corpus.ts), its title starting with `marker`. */
export function generateInput(r: Rng, slug: string, marker: string): InputContent {
  const lang = benchLanguages[weighted(r, regionLanguages[slug] ?? [1, 1, 1, 1, 1])]!;
  const t = texts(r, lang);
  const pool = (regionCountries[slug] ?? []).filter((c) => (countryCodes as readonly string[]).includes(c));
  return {
    title: `${marker} ${t.title}`.slice(0, 200),
    themes: sample(r, [1, 2, 3, 4, 5, 6], [1, 2, 3][weighted(r, [45, 35, 20])]!).sort((a, b) => a - b),
    summary: t.summary.slice(0, 1000),
    body: t.body,
    recommendations: t.recommendations,
    countries: sample(r, pool.length ? pool : ["FJ"], int(r, 1, 3)),
    language: lang,
    contactName: `Contact ${marker}`,
    contactEmail: `contact-${int(r, 1, 1e6)}@example.net`,
    publication: (["named", "anonymous", "none"] as const)[weighted(r, [50, 20, 30])]!,
  };
}
export { mulberry32 };

/** A fresh idempotency key, as the page makes one per form (lib/submissions/form-values.ts). */
export const newKey = () => randomBytes(24).toString("base64url");

/**
 * The multipart body a browser sends for "Submit": the hidden fields (with this organisation,
 * consultation and idempotency key), the visible fields, an empty file input and the button.
 */
export function encodeSubmission(
  form: SubmitForm,
  content: InputContent,
  over: { idempotencyKey: string; organisationId?: string; consultationId?: string },
): { body: Buffer; contentType: string } {
  const boundary = `----benchFormBoundary${randomBytes(12).toString("hex")}`;
  const parts: string[] = [];
  const field = (name: string, value: string) =>
    parts.push(
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value.replace(/\r?\n/g, "\r\n")}\r\n`,
    );
  for (const [name, value] of form.hidden) {
    if (name === "idempotencyKey") field(name, over.idempotencyKey);
    else if (name === "organisationId") field(name, over.organisationId ?? value);
    else if (name === "consultationId") field(name, over.consultationId ?? value);
    else field(name, value);
  }
  field("title", content.title);
  for (const t of content.themes) field("themes", String(t));
  field("summary", content.summary);
  field("body", content.body);
  for (let i = 0; i < 5; i++) field("recommendations", content.recommendations[i] ?? "");
  for (const c of content.countries) field("countries", c);
  field("language", content.language);
  field("contactName", content.contactName);
  field("contactEmail", content.contactEmail);
  field("publication", content.publication);
  parts.push(
    `--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename=""\r\nContent-Type: application/octet-stream\r\n\r\n\r\n`,
  );
  field("intent", "submit");
  parts.push(`--${boundary}--\r\n`);
  return { body: Buffer.from(parts.join(""), "utf8"), contentType: `multipart/form-data; boundary=${boundary}` };
}

// ---------------------------------------------------------------- requests
export type Outcome =
  | { kind: "accepted"; status: number; id: string; location: string; ms: number }
  | { kind: "http"; status: number; body: string; location?: string; ms: number }
  | { kind: "network"; code: string; ms: number };

/** Matches the redirect a successful submit answers with. */
export const ACCEPTED_LOCATION = /^\/[a-z]{2}\/submissions\/([0-9a-f-]{36})\?ok=submitted$/;

function networkCode(e: unknown): string {
  const err = e as { name?: string; code?: string; cause?: { code?: string; name?: string } };
  return err.cause?.code ?? err.code ?? err.cause?.name ?? err.name ?? "error";
}

export async function getPage(base: string, path: string, cookie?: string, timeoutMs = 30_000): Promise<Outcome> {
  const t0 = performance.now();
  try {
    const res = await fetch(`${base}${path}`, {
      headers: cookie ? { cookie } : {},
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    return {
      kind: "http",
      status: res.status,
      body: await res.text(),
      location: res.headers.get("location") ?? undefined,
      ms: performance.now() - t0,
    };
  } catch (e) {
    return { kind: "network", code: networkCode(e), ms: performance.now() - t0 };
  }
}

/** POSTs an encoded submission to the submit page, as the browser's form post does. */
export async function postSubmission(
  base: string,
  slug: string,
  cookie: string,
  encoded: { body: Buffer; contentType: string },
  { locale = "en", timeoutMs = 30_000 } = {},
): Promise<Outcome> {
  const t0 = performance.now();
  try {
    const res = await fetch(`${base}/${locale}/consultations/${slug}/submit`, {
      method: "POST",
      headers: { cookie, "content-type": encoded.contentType, origin: base, accept: "text/html" },
      body: new Uint8Array(encoded.body),
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    const location = res.headers.get("location") ?? "";
    const body = await res.text();
    const m = ACCEPTED_LOCATION.exec(location);
    if (res.status === 303 && m)
      return { kind: "accepted", status: res.status, id: m[1]!, location, ms: performance.now() - t0 };
    return { kind: "http", status: res.status, body, location: location || undefined, ms: performance.now() - t0 };
  } catch (e) {
    return { kind: "network", code: networkCode(e), ms: performance.now() - t0 };
  }
}

/** The reference the confirmation page shows (`data-testid="reference-confirmation"`). */
export function referenceOnPage(html: string): string | null {
  const at = html.indexOf('data-testid="reference-confirmation"');
  if (at < 0) return null;
  return /\b([A-Z]{2,6}-\d{4,})\b/.exec(html.slice(at, at + 2000))?.[1] ?? null;
}

/** Visible text of an HTML page (scripts and tags removed), for checking what a person would read. */
export function visibleText(html: string): string {
  return decodeHtml(
    html
      .replace(/<script\b[\s\S]*?<\/script>/gi, " ")
      .replace(/<style\b[\s\S]*?<\/style>/gi, " ")
      .replace(/<[^>]+>/g, " "),
  )
    .replace(/\s+/g, " ")
    .trim();
}

// ---------------------------------------------------------------- processes and statistics
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until GET base+path answers 200 (the server is up and its database reachable). */
export async function waitReady(base: string, path = "/en", timeoutMs = 120_000): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    const r = await getPage(base, path, undefined, 5000);
    if (r.kind === "http" && r.status === 200) return performance.now() - t0;
    if (performance.now() - t0 > timeoutMs)
      throw new Error(
        `server at ${base} not ready after ${timeoutMs} ms (${r.kind === "network" ? r.code : r.status})`,
      );
    await sleep(250);
  }
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}
export const round = (x: number) => Math.round(x * 100) / 100;

/** What a page weighs as sent: its bytes, its HTML elements (outside scripts) and its scripts' bytes (the RSC payload, mostly). */
export interface PageShape {
  bytes: number;
  elements: number;
  scriptBytes: number;
}

export function pageShape(html: string): PageShape {
  const scripts = html.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? [];
  const markup = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "");
  return {
    bytes: Buffer.byteLength(html),
    elements: (markup.match(/<[a-zA-Z]/g) ?? []).length,
    scriptBytes: scripts.reduce((n, s) => n + Buffer.byteLength(s), 0),
  };
}
