// Attacks over HTTP on the production server (issue 8): every route handler and every server action
// called raw — with no session, the wrong role, another organisation's ids, a foreign Origin, the
// CVE-2025-29927 header — is refused and writes nothing; hostile text stored through the real
// actions runs no script on any page that shows it; hostile uploads are refused or stored under a
// safe name; fuzzed filters never give a 500. On the PostgreSQL project every refusal is also
// checked in the database (a fingerprint of every table the app writes); PGlite is single-process,
// so on the embedded project refusals are checked through what the pages show.
import fs from "node:fs";
import { createRequire } from "node:module";
import { randomUUID } from "node:crypto";
import type { APIRequestContext, Browser, BrowserContext, Cookie, Page } from "@playwright/test";
import postgres from "postgres";
import { fuzzParams, prng, toQuery } from "../lib/testing/fuzz";
import { expect, test } from "./fixtures";
import { runTag, signIn } from "./helpers";

// React's own encoder for server-action arguments, as the browser's router uses it.
const require = createRequire(import.meta.url);
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.node.js") as {
  encodeReply: (args: unknown[]) => Promise<FormData | string>;
};

// ---------------------------------------------------------------- the build's server actions
interface ActionRef {
  id: string;
  name: string;
  file: string;
  /** A URL of a page whose module holds the action. */
  path: string;
}

// Actions called with one argument (the form) — buttons and sign-out; every other takes (state, form).
const ONE_ARG = new Set([
  "contributionStepAction",
  "readNotCitedAction",
  "signOutAction",
  "signOutEverywhereAction",
  "withdrawRegistrationAction",
  "withdrawSubmissionAction",
  "removeAttachmentAction",
  "acceptInvitationAction",
  "decideRegistrationAction",
  "moderateButtonAction",
  "bulkModerateAction",
  "removeMemberAction",
  "transferOwnershipAction",
  "setVerifiedAction",
  "removeAnchorAction",
  "moveTopicAction",
  "groupTopicAction",
  "deleteTopicAction",
  "importGcmObjectivesAction",
]);
const TWO_ARGS = new Set([
  "saveSectionAction",
  "createRoundAction",
  "updateRoundAction",
  "addConsultationAction",
  "addTopicAction",
  "renameTopicAction",
  "addTopicGroupAction",
  "updateConsultationDetailsAction",
  "updatePreferencesAction",
  "saveRegistrationAction",
  "saveSubmissionAction",
  "autosaveDraftAction",
  "editSubmissionAction",
  "moderateMessageAction",
  "addNoteAction",
  "createOrganisationAction",
  "updateOrganisationAction",
  "inviteMemberAction",
  "updateConsultationAction",
  "inviteAnchorAction",
  "enterOnBehalfAction",
  "deleteOrganisationAction",
  "requestSignInAction",
]);

function loadActions(): Map<string, ActionRef> {
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }>;
  };
  const out = new Map<string, ActionRef>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (!entry.exportedName || !entry.filename?.endsWith("actions.ts")) continue;
    const worker = Object.keys(entry.workers).find((w) => w.endsWith("/page")) ?? Object.keys(entry.workers)[0]!;
    const path = worker
      .replace(/^app/, "")
      .replace(/\/page$/, "")
      .replace("[locale]", "en")
      .replace("[slug]", "asia")
      .replace("[id]", randomUUID())
      .replace("[token]", "t".repeat(32));
    out.set(entry.exportedName, { id, name: entry.exportedName, file: entry.filename, path });
  }
  return out;
}

interface ActionResult {
  status: number;
  redirect: string;
  body: string;
}

async function callAction(
  request: APIRequestContext,
  action: ActionRef,
  fields: Record<string, string | string[]>,
  opts: {
    cookie?: string;
    origin?: string | null;
    headers?: Record<string, string>;
    files?: { name: string; type: string; bytes: Buffer }[];
  } = {},
): Promise<ActionResult> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) form.append(k, x);
  for (const f of opts.files ?? [])
    form.append("attachments", new File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
  const encoded = await encodeReply(ONE_ARG.has(action.name) ? [form] : [{ status: "idle" }, form]);
  const headers: Record<string, string> = { "Next-Action": action.id, Accept: "text/x-component", ...opts.headers };
  if (opts.cookie) headers.Cookie = opts.cookie;
  if (opts.origin !== undefined && opts.origin !== null) headers.Origin = opts.origin;
  const res = await request.post(action.path, {
    headers,
    ...(typeof encoded === "string" ? { data: encoded } : { multipart: encoded }),
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  return { status: res.status(), redirect: res.headers()["x-action-redirect"] ?? "", body: await res.text() };
}

// ---------------------------------------------------------------- the database, on PostgreSQL
const FINGERPRINTED = [
  "consultations",
  "organisations",
  "memberships",
  "role_grants",
  "invitations",
  "registrations",
  "participants",
  "submissions",
  "submission_revisions",
  "attachments",
  "internal_notes",
  "audit_events",
  "export_log",
] as const;
// Rows the background mail loop updates, and file bytes: counted, not hashed.
const COUNTED = ["email_outbox", "stored_files"] as const;

let sql: postgres.Sql | null = null;
async function fingerprint(): Promise<Record<string, string> | null> {
  if (!sql) return null;
  const out: Record<string, string> = {};
  for (const t of FINGERPRINTED) {
    const [r] =
      await sql`select count(*)::int as n, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from ${sql(t)} x`;
    out[t] = `${r!.n}:${r!.h}`;
  }
  for (const t of COUNTED) {
    const [r] = await sql`select count(*)::int as n from ${sql(t)}`;
    out[t] = String(r!.n);
  }
  return out;
}

/** Runs `attack` and checks, on PostgreSQL, that no table the app writes changed. */
async function writesNothing<T>(label: string, attack: () => Promise<T>): Promise<T> {
  const before = await fingerprint();
  const result = await attack();
  const after = await fingerprint();
  if (before) expect(after, `${label} wrote something`).toEqual(before);
  return result;
}

// ---------------------------------------------------------------- hostile text
const IMG = "<img src=x onerror=window.__xss=1>";
const SCRIPT = "<script>window.__xss=1</script>";
const SVG = '"><svg onload=alert(1)>';
const JS_URL = "javascript:window.__xss=1";
const DATA_URL = "data:text/html,<script>window.__xss=1</script>";

const pdf = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
const html = Buffer.from(`<!DOCTYPE html><html><body>${SCRIPT}</body></html>`);
const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200, 1)]);

// ---------------------------------------------------------------- state shared by the tests below
interface Who {
  email: string;
  cookies: Cookie[];
  header: string;
}
const s = {
  tag: "",
  actions: new Map<string, ActionRef>(),
  stranger: null as Who | null, // owns the hostile organisation
  owner: null as Who | null, // owner of the demo organisation
  anchor: null as Who | null, // anchor of asia
  anchorMena: null as Who | null,
  secretariat: null as Who | null,
  orgId: "",
  consultationId: "",
  input1: "", // accepted and published
  input2: "", // changes requested
  attachmentId: "",
  orgName: "",
  title1: "",
};

async function signedIn(browser: Browser, email: string): Promise<Who> {
  const context = await browser.newContext();
  await signIn(await context.newPage(), email);
  const cookies = await context.cookies();
  await context.close();
  return { email, cookies, header: cookies.map((c) => `${c.name}=${c.value}`).join("; ") };
}

const action = (name: string) => {
  const a = s.actions.get(name);
  if (!a) throw new Error(`no server action ${name} in the build`);
  return a;
};
const idIn = (text: string, re: RegExp) => re.exec(text)?.[1] ?? "";
const UUID = "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})";

async function pageAs(browser: Browser, who: Who | null): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  if (who) await context.addCookies(who.cookies);
  return { context, page: await context.newPage() };
}

test.describe.serial("attacks", () => {
  test.beforeAll(async ({ browser }, info) => {
    if (info.project.name === "postgres" && process.env.DATABASE_URL)
      sql = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
    s.tag = runTag();
    s.actions = loadActions();
    s.stranger = await signedIn(browser, `attacker-${s.tag}@example.net`);
    s.owner = await signedIn(browser, "owner@example.org");
    s.anchor = await signedIn(browser, "anchor.asia@example.org");
    s.anchorMena = await signedIn(browser, "anchor.mena@example.org");
    s.secretariat = await signedIn(browser, "secretariat@example.org");
  });
  test.afterAll(async () => {
    await sql?.end();
    sql = null;
  });

  test("every exported server action is known to this spec", () => {
    const names = [...s.actions.keys()].sort();
    expect(names.length).toBeGreaterThanOrEqual(20);
    for (const n of names) expect(ONE_ARG.has(n) || TWO_ARGS.has(n), `${n}: add it to ONE_ARG or TWO_ARGS`).toBe(true);
  });

  test("hostile data goes in through the real actions; javascript: and data: websites are refused", async ({
    request,
  }) => {
    const stranger = s.stranger!;
    s.orgName = `${IMG} Org ${s.tag}`;
    const org = {
      name: s.orgName,
      acronym: SVG,
      country: "TH",
      city: SCRIPT,
      type: "ngo",
      workingLanguages: ["en"],
      contactEmail: `org-${s.tag}@example.net`,
      locale: "en",
    };
    for (const website of [JS_URL, DATA_URL, ` ${JS_URL}`]) {
      const r = await writesNothing(`website ${website}`, () =>
        callAction(request, action("createOrganisationAction"), { ...org, website }, { cookie: stranger.header }),
      );
      expect(r.redirect, website).toBe("");
      expect(r.body).toContain('"status":"error"');
    }
    const created = await callAction(
      request,
      action("createOrganisationAction"),
      { ...org, website: `https://example.org/${SVG}` },
      { cookie: stranger.header },
    );
    s.orgId = idIn(created.redirect, new RegExp(`/organisations/${UUID}`));
    expect(s.orgId, JSON.stringify(created).slice(0, 500)).not.toBe("");

    const form = await request.get("/en/consultations/asia/submit", { headers: { Cookie: stranger.header } });
    const formHtml = await form.text();
    s.consultationId = idIn(formHtml, new RegExp(`name="consultationId" value="${UUID}"`));
    expect(s.consultationId).not.toBe("");

    s.title1 = `${SCRIPT} input ${s.tag}`;
    const input = (title: string) => ({
      consultationId: s.consultationId,
      organisationId: s.orgId,
      idempotencyKey: randomUUID().replaceAll("-", ""),
      version: "0",
      intent: "submit",
      title,
      themes: ["1"],
      summary: `${IMG} ${SVG}`,
      body: `${JS_URL}\n${DATA_URL}\n[link](javascript:alert(1))`,
      "recommendations.0": IMG,
      "recommendations.1": JS_URL,
      countries: ["TH"],
      language: "en",
      contactName: SVG,
      contactEmail: `contact-${s.tag}@example.net`,
      publication: "named",
    });
    const first = await callAction(request, action("saveSubmissionAction"), input(s.title1), {
      cookie: stranger.header,
      files: [{ name: `${IMG}.pdf`, type: "application/pdf", bytes: pdf }],
    });
    s.input1 = idIn(first.redirect, new RegExp(`/submissions/${UUID}`));
    expect(s.input1, first.body.slice(0, 500)).not.toBe("");
    const second = await callAction(request, action("saveSubmissionAction"), input(`${IMG} second ${s.tag}`), {
      cookie: stranger.header,
    });
    s.input2 = idIn(second.redirect, new RegExp(`/submissions/${UUID}`));
    expect(s.input2).not.toBe("");

    const reg = await callAction(
      request,
      action("saveRegistrationAction"),
      {
        consultationId: s.consultationId,
        organisationId: s.orgId,
        version: "0",
        consent: "on",
        "participants.0.name": IMG,
        "participants.0.title": SCRIPT,
        "participants.0.email": `p-${s.tag}@example.net`,
        "participants.0.attendance": "remote",
        "participants.0.accessibility": SVG,
        "participants.0.dietary": JS_URL,
      },
      { cookie: stranger.header },
    );
    expect(reg.redirect, reg.body.slice(0, 500)).toContain("ok=registration_");

    // The anchor accepts, tags, publishes and annotates the first; asks for changes to the second.
    const anchor = s.anchor!.header;
    const moderateButton = async (fields: Record<string, string>) => {
      const r = await callAction(
        request,
        action("moderateButtonAction"),
        { slug: "asia", submissionId: s.input1, ...fields },
        { cookie: anchor },
      );
      expect(r.redirect, JSON.stringify(fields)).toContain("ok=moderated_");
    };
    await moderateButton({ action: "accept", version: "1" });
    await moderateButton({ action: "tag", version: "2", themes: "1", keywords: `${IMG}, ${JS_URL}` });
    await moderateButton({ action: "publish", version: "3" });
    const note = await callAction(
      request,
      action("addNoteAction"),
      { submissionId: s.input1, body: `${IMG} ${SCRIPT} ${DATA_URL}` },
      { cookie: anchor },
    );
    expect(note.body).toContain('"status":"success"');
    const changes = await callAction(
      request,
      action("moderateMessageAction"),
      {
        slug: "asia",
        submissionId: s.input2,
        version: "1",
        action: "requestChanges",
        message: `${SVG} ${JS_URL} ${IMG}`,
      },
      { cookie: anchor },
    );
    expect(changes.body).toContain('"status":"success"');

    const detail = await request.get(`/en/submissions/${s.input1}`, { headers: { Cookie: stranger.header } });
    s.attachmentId = idIn(await detail.text(), new RegExp(`/api/attachments/${UUID}`));
    expect(s.attachmentId).not.toBe("");
  });

  test("route handlers: no session 401, another consultation 403/404, another organisation's attachment 404 — nothing written", async ({
    request,
  }) => {
    const routes = [
      `/api/attachments/${s.attachmentId}`,
      "/api/moderation/asia/export?format=csv",
      "/api/moderation/all/export?format=json",
      "/api/moderation/asia/participants?format=csv",
      "/api/moderation/asia/summary?locale=en",
      "/api/secretariat/export?locale=en",
    ];
    for (const r of routes) {
      const res = await writesNothing(`no session ${r}`, () => request.get(r, { maxRedirects: 0 }));
      expect(res.status(), r).toBe(401);
    }
    const wrong: [Who, string][] = [
      [s.owner!, `/api/attachments/${s.attachmentId}`], // another organisation's attachment
      [s.stranger!, `/api/attachments/${randomUUID()}`],
      [s.anchor!, "/api/moderation/mena/export?format=csv"],
      [s.anchor!, "/api/moderation/all/export?format=csv"],
      [s.anchor!, "/api/moderation/mena/participants?format=xlsx"],
      [s.anchor!, "/api/moderation/mena/summary?locale=fr"],
      [s.anchor!, "/api/secretariat/export?locale=en"],
      [s.owner!, "/api/moderation/asia/export?format=xlsx"],
      [s.owner!, "/api/moderation/asia/participants?format=csv"],
      [s.owner!, "/api/moderation/asia/summary?locale=en"],
      [s.stranger!, "/api/secretariat/export?locale=en"],
    ];
    for (const [who, r] of wrong) {
      const res = await writesNothing(`${who.email} ${r}`, () =>
        request.get(r, { headers: { Cookie: who.header }, maxRedirects: 0 }),
      );
      expect([403, 404], `${who.email} ${r}`).toContain(res.status());
      expect(res.headers()["content-disposition"] ?? "").toBe("");
    }
    // The same requests succeed for whom they are for: the refusals above are not a broken route.
    const own = await request.get(`/api/attachments/${s.attachmentId}`, { headers: { Cookie: s.stranger!.header } });
    expect(own.status()).toBe(200);
    const anchored = await request.get(`/api/attachments/${s.attachmentId}`, { headers: { Cookie: s.anchor!.header } });
    expect(anchored.status()).toBe(200);
    const exported = await request.get("/api/moderation/asia/participants?format=csv", {
      headers: { Cookie: s.anchor!.header },
    });
    expect(exported.status()).toBe(200);
  });

  test("the CVE-2025-29927 header bypasses nothing: proxy.ts is no access check", async ({ request }) => {
    const variants = [
      "proxy:proxy:proxy:proxy:proxy",
      "middleware:middleware:middleware:middleware:middleware",
      "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware",
      "middleware",
      "proxy",
    ];
    for (const v of variants) {
      const headers = { "x-middleware-subrequest": v };
      for (const r of [
        "/api/moderation/asia/export?format=csv",
        `/api/attachments/${s.attachmentId}`,
        "/api/secretariat/export",
      ]) {
        const res = await writesNothing(`${v} ${r}`, () => request.get(r, { headers, maxRedirects: 0 }));
        expect(res.status(), `${v} ${r}`).toBe(401);
      }
      const asOwner = await request.get("/api/moderation/asia/export?format=csv", {
        headers: { ...headers, Cookie: s.owner!.header },
        maxRedirects: 0,
      });
      expect([403, 404]).toContain(asOwner.status());
      for (const p of [
        "/en/moderation/asia",
        "/en/secretariat",
        `/en/organisations/${s.orgId}`,
        `/en/moderation/asia/submissions/${s.input1}`,
      ]) {
        const res = await request.get(p, { headers, maxRedirects: 0 });
        expect(res.status(), `${v} ${p}`).toBeGreaterThanOrEqual(300);
        expect(res.status(), `${v} ${p}`).toBeLessThan(500);
        expect(res.headers()["location"] ?? "", `${v} ${p}`).toContain("/en/sign-in");
      }
      const asStranger = await request.get("/en/moderation/asia", {
        headers: { ...headers, Cookie: s.stranger!.header },
        maxRedirects: 0,
      });
      expect(await asStranger.text()).not.toContain(`input ${s.tag}`);
      const viaAction = await writesNothing(`${v} action`, () =>
        callAction(request, action("setVerifiedAction"), { organisationId: s.orgId, verified: "true" }, { headers }),
      );
      expect(viaAction.redirect).toContain("/en/sign-in");
    }
  });

  // A form that is valid for every action at once (zod drops what an action does not use), aimed at
  // the hostile organisation's things: were any check missing, the action would write.
  const everyField = (): Record<string, string | string[]> => ({
    name: `Planted ${s.tag}`,
    country: "TH",
    type: "ngo",
    workingLanguages: ["en"],
    contactEmail: `planted-${s.tag}@example.net`,
    email: `planted-${s.tag}@example.net`,
    role: "owner",
    locale: "en",
    organisationId: s.orgId,
    consultationId: s.consultationId,
    submissionId: s.input1,
    registrationId: randomUUID(),
    attachmentId: s.attachmentId,
    userId: randomUUID(),
    idempotencyKey: randomUUID().replaceAll("-", ""),
    version: "4",
    intent: "submit",
    title: `Planted ${s.tag}`,
    themes: ["1"],
    summary: "Planted",
    body: "Planted",
    countries: ["TH"],
    language: "en",
    contactName: "Planted",
    publication: "named",
    consent: "on",
    "participants.0.name": "Planted",
    "participants.0.email": `planted-${s.tag}@example.net`,
    "participants.0.attendance": "remote",
    action: "unpublish",
    slug: "asia",
    status: "declined",
    verified: "true",
    keyword: "planted",
    selected: [`${s.input1}:4`],
    token: "t".repeat(40),
    startsOn: "2017-08-04",
    endsOn: "2017-08-05",
    inPersonCapacity: "1",
    timezone: "Asia/Bangkok",
  });

  test("every server action, posted raw without a session, is refused and writes nothing", async ({ request }) => {
    let checked = 0;
    for (const a of s.actions.values()) {
      if (a.name === "requestSignInAction") continue; // public by design, rate-limited
      const r = await writesNothing(a.name, () => callAction(request, a, everyField()));
      const refused = r.body.includes('"status":"error"') || /^\/en(\/sign-in)?([?;]|$)/.test(r.redirect);
      expect(refused, `${a.name}: ${r.status} ${r.redirect} ${r.body.slice(0, 200)}`).toBe(true);
      expect(r.body).not.toContain('"status":"success"');
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(20);
  });

  test("every server action, as users with the wrong role or of another organisation, is refused and writes nothing", async ({
    request,
  }) => {
    // Allowed to anyone signed in, or only about oneself: not attacks.
    const own = new Set([
      "requestSignInAction",
      "signOutAction",
      "signOutEverywhereAction",
      "updatePreferencesAction",
      "createOrganisationAction",
    ]);
    let checked = 0;
    // The owner of another organisation, and the anchor of another consultation (mena; all of the
    // hostile organisation's things are in asia).
    for (const who of [s.owner!, s.anchorMena!]) {
      for (const a of s.actions.values()) {
        if (own.has(a.name)) continue;
        const r = await writesNothing(`${who.email} ${a.name}`, () =>
          callAction(request, a, everyField(), { cookie: who.header }),
        );
        expect(r.body, `${who.email} ${a.name}`).not.toContain('"status":"success"');
        expect(r.redirect, `${who.email} ${a.name}`).not.toMatch(/[?&]ok=/);
        checked++;
      }
    }
    // The stranger's things are still theirs, unchanged: the input is still published.
    const published = await request.get(`/en/inputs?consultation=asia`);
    expect(await published.text()).toContain(s.tag);
    expect(checked).toBeGreaterThanOrEqual(30);
  });

  test("server actions from a foreign Origin or Origin: null are refused; the same post from the site's own origin works", async ({
    request,
    baseURL,
  }) => {
    const org = (n: string) => ({
      name: `Origin ${n} ${s.tag}`,
      country: "TH",
      type: "ngo",
      workingLanguages: ["en"],
      contactEmail: `o-${s.tag}@example.net`,
      locale: "en",
    });
    for (const [label, origin] of [
      ["evil", "https://evil.example"],
      ["null", "null"],
      ["port", baseURL!.replace(/:(\d+)$/, (_m, p: string) => `:${Number(p) + 50}`)],
    ] as const) {
      const r = await writesNothing(`Origin ${origin}`, () =>
        callAction(request, action("createOrganisationAction"), org(label), { cookie: s.stranger!.header, origin }),
      );
      expect(r.redirect, origin).toBe("");
      expect(r.status, origin).toBeGreaterThanOrEqual(400);
    }
    const same = await callAction(request, action("createOrganisationAction"), org("same"), {
      cookie: s.stranger!.header,
      origin: baseURL!,
    });
    expect(same.redirect).toMatch(/\/en\/organisations\//);
    // What the account page lists: only the organisation made from the site's own origin.
    const account = await (await request.get("/en/account", { headers: { Cookie: s.stranger!.header } })).text();
    expect(account).toContain(`Origin same ${s.tag}`);
    for (const label of ["evil", "null", "port"]) expect(account).not.toContain(`Origin ${label} ${s.tag}`);
  });

  test("hostile uploads over HTTP: spoofed types refused, traversing and control-character names stored safe, downloads never inline", async ({
    request,
  }) => {
    const edit = async (files: { name: string; type: string; bytes: Buffer }[]) => {
      // The withdraw page's form holds the current version (the detail page links to it).
      const detail = await (
        await request.get(`/en/submissions/${s.input2}/withdraw`, { headers: { Cookie: s.stranger!.header } })
      ).text();
      const version = idIn(detail, /name="version" value="(\d+)"/);
      return callAction(
        request,
        action("editSubmissionAction"),
        {
          submissionId: s.input2,
          version,
          title: `${IMG} second ${s.tag}`,
          themes: ["1"],
          summary: "Summary",
          body: "Body",
          countries: ["TH"],
          language: "en",
          contactName: "C",
          contactEmail: `c-${s.tag}@example.net`,
          publication: "none",
        },
        { cookie: s.stranger!.header, files },
      );
    };
    for (const f of [
      { name: "report.pdf", type: "application/pdf", bytes: html },
      { name: "setup.pdf", type: "application/pdf", bytes: exe },
      { name: "late.pdf", type: "application/pdf", bytes: Buffer.concat([Buffer.from(" "), pdf]) },
    ]) {
      const r = await writesNothing(`upload ${f.name}`, () => edit([f]));
      expect(r.redirect, f.name).toBe("");
      expect(r.body).toContain('"status":"error"');
    }
    // A raw control character in the multipart header: the parser refuses the whole post.
    const bell = await writesNothing("upload with BEL", () =>
      edit([{ name: "bell\u0007.pdf", type: "application/pdf", bytes: pdf }]),
    );
    expect(bell.redirect).toBe("");
    const r = await edit([
      { name: "../../etc/passwd.pdf", type: "application/pdf", bytes: pdf },
      { name: "inv\u202Efdp.exe\u2066.pdf", type: "text/html", bytes: pdf },
    ]);
    expect(r.redirect, r.body.slice(0, 300)).toContain("ok=edited");
    const detail = await (
      await request.get(`/en/submissions/${s.input2}`, { headers: { Cookie: s.stranger!.header } })
    ).text();
    const ids = [...new Set([...detail.matchAll(new RegExp(`/api/attachments/${UUID}`, "g"))].map((m) => m[1]!))];
    expect(ids.length).toBe(2);
    const names: string[] = [];
    for (const id of ids) {
      const res = await request.get(`/api/attachments/${id}`, { headers: { Cookie: s.stranger!.header } });
      expect(res.status()).toBe(200);
      const h = res.headers();
      expect(h["content-type"]).toBe("application/pdf");
      expect(h["x-content-type-options"]).toBe("nosniff");
      expect(h["content-disposition"]).toMatch(/^attachment; filename="[^"/\\]+"; filename\*=UTF-8''[^\s"]+$/);
      names.push(h["content-disposition"]!);
    }
    expect(names.join(" ")).toContain('filename="passwd.pdf"');
    expect(names.join(" ")).toContain('filename="invfdp.exe.pdf"');
    expect(names.join(" ")).not.toMatch(/\.\.|%E2%80%AE|%07/i);
  });

  test("fuzzed filters on the moderation queue and the public inputs never give a 500 (the exports they log are shown on a page checked below)", async ({
    request,
  }) => {
    const r = prng(0xf022);
    const cases = 40;
    for (let i = 0; i < cases; i++) {
      const params = fuzzParams(r, 1500);
      const q = toQuery(params);
      for (const [url, cookie] of [
        [`/en/moderation/asia?${q}`, s.anchor!.header],
        [`/en/moderation/all?${q}`, s.secretariat!.header],
        [`/en/inputs?${q}`, ""],
        [`/api/moderation/asia/export?format=json&${q}`, s.anchor!.header],
      ] as const) {
        const res = await request.get(url, { headers: cookie ? { Cookie: cookie } : {}, maxRedirects: 0 });
        expect(res.status(), `case ${i}: ${url.slice(0, 300)}`).toBeLessThan(500);
      }
    }
  });

  test("stored XSS: hostile text runs nothing on any page that shows it", async ({ browser }) => {
    const pages: [Who | null, string, string | null][] = [
      [s.anchor, "/en/moderation/asia", s.title1],
      [s.anchor, `/en/moderation/asia?q=${encodeURIComponent("input")}`, null],
      [s.anchor, `/en/moderation/asia/submissions/${s.input1}`, s.title1],
      [s.anchor, `/en/moderation/asia/submissions/${s.input2}`, null],
      [s.anchor, "/en/moderation/asia/registrations", IMG],
      [s.anchor, `/en/organisations/${s.orgId}`, s.orgName],
      [s.secretariat, "/en/secretariat", null],
      [s.secretariat, "/en/secretariat/exports", null],
      [s.secretariat, "/en/moderation/all", s.title1],
      [s.stranger, `/en/organisations/${s.orgId}`, s.orgName],
      [s.stranger, "/en/account", s.orgName],
      [s.stranger, "/en/submissions", s.title1],
      [s.stranger, `/en/submissions/${s.input1}`, s.title1],
      // Its moderator's message is in the history once it was edited (see the uploads test).
      [s.stranger, `/en/submissions/${s.input2}`, `second ${s.tag}`],
      [s.stranger, `/en/consultations/asia/register?org=${s.orgId}`, null],
      [null, "/en/inputs", s.title1],
      [null, "/en/inputs?consultation=asia", s.title1],
      [null, "/en/consultations/asia", null],
    ];
    let shown = 0;
    for (const [who, url, expectText] of pages) {
      const { context, page } = await pageAs(browser, who);
      const dialogs: string[] = [];
      page.on("dialog", (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      const res = await page.goto(url);
      expect(res?.status(), url).toBeLessThan(400);
      if (expectText) {
        await expect(page.getByText(expectText, { exact: false }).first(), url).toBeAttached();
        shown++;
      }
      // Give onerror/onload handlers their chance.
      await page.waitForTimeout(150);
      expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), url).toBeUndefined();
      expect(dialogs, url).toEqual([]);
      const bad = await page.$$eval("[href], [src]", (els) =>
        els
          .map((e) => e.getAttribute("href") ?? e.getAttribute("src") ?? "")
          .filter((h) => /^\s*(javascript|data|vbscript):/i.test(h)),
      );
      expect(bad, url).toEqual([]);
      await context.close();
    }
    expect(shown).toBeGreaterThanOrEqual(10);
  });
});
