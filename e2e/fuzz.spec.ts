// No request a person can make ends in a 500 or a blank page (issue 18). A seeded, bounded fuzz over
// every page route of the build (app-paths-manifest.json) and every server action
// (server-reference-manifest.json): random path parameters, query strings, cookies and bodies — as
// the browser's router sends them (React's encodeReply), as a form without JavaScript posts them, and
// as garbage — anonymous and signed in. Same seed, same cases: a failure names its case.
import fs from "node:fs";
import { createRequire } from "node:module";
import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { FUZZ_ATOMS, fuzzParams, fuzzString, prng, toQuery, type Prng } from "../lib/testing/fuzz";
import { expect, test } from "./fixtures";
import { signIn } from "./helpers";

const require = createRequire(import.meta.url);
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.node.js") as {
  encodeReply: (args: unknown[]) => Promise<FormData | string>;
};

const SEED = Number(process.env.FUZZ_SEED ?? 0x18f022);
const PAGE_CASES = Number(process.env.FUZZ_PAGE_CASES ?? 160);
const ACTION_CASES = Number(process.env.FUZZ_ACTION_CASES ?? 4);

// ---------------------------------------------------------------- what the build serves
const pageRoutes = Object.keys(
  JSON.parse(fs.readFileSync(".next/server/app-paths-manifest.json", "utf8")) as Record<string, string>,
)
  .filter((p) => p.startsWith("/[locale]") && p.endsWith("/page"))
  .map((p) => p.replace(/\/page$/, ""));

interface ActionRef {
  id: string;
  name: string;
  path: string;
}
const actions: ActionRef[] = Object.entries(
  (
    JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
      node: Record<string, { workers: Record<string, unknown>; exportedName?: string }>;
    }
  ).node,
).map(([id, e]) => {
  const worker =
    Object.keys(e.workers).find((w) => w.endsWith("/page")) ?? Object.keys(e.workers)[0] ?? "app/[locale]/page";
  return { id, name: e.exportedName ?? id, path: worker.replace(/^app/, "").replace(/\/page$/, "") };
});

// encodeURIComponent throws on a lone surrogate, which the fuzz atoms include on purpose.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const enc = (s: string) => encodeURIComponent(s.replace(LONE_SURROGATE, "\ufffd"));

const LOCALES = ["en", "fr", "es", "ar", "xx", "EN", "%00", "en-US"];
const SLUGS = ["asia", "mena", "pacific", "all", "nowhere", "'", "%E2%80%AE", "..", "a".repeat(300)];
function param(r: Prng, name: string): string {
  if (name === "locale") return r.pick(LOCALES);
  if (name === "slug") return r.pick(SLUGS);
  if (name === "...rest") return Array.from({ length: 1 + r.int(3) }, () => enc(fuzzString(r, 40))).join("/");
  return r.pick([
    randomUUID(),
    "0",
    "-1",
    "null",
    "00000000-0000-0000-0000-000000000000",
    enc(fuzzString(r, 60)),
    "t".repeat(32),
  ]);
}
const fill = (r: Prng, route: string, locale?: string) =>
  route.replace(/\[([^\]]+)\]/g, (_, name: string) => (name === "locale" && locale ? locale : param(r, name)) || "x");

const COOKIE_NAMES = [
  "authjs.session-token",
  "__Secure-authjs.session-token",
  "authjs.csrf-token",
  "authjs.callback-url",
  "NEXT_LOCALE",
  "x",
  "__proto__",
];
function cookies(r: Prng, session: string): string {
  const out = session ? [session] : [];
  for (let i = r.int(4); i > 0; i--) {
    const value = enc(fuzzString(r, 200)).slice(0, 1000);
    out.push(`${r.pick(COOKIE_NAMES)}=${r.int(3) === 0 ? randomUUID() : value}`);
  }
  return out.join("; ");
}

/** What a person sees: the text of the document, without scripts, styles and tags. */
const visible = (html: string) =>
  html
    .replace(/<(script|style|template)[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();

function expectAnswered(label: string, status: number, type: string, body: string) {
  expect(status, `${label}: ${body.slice(0, 300)}`).toBeLessThan(500);
  if (type.includes("text/html") && status !== 204 && !(status >= 300 && status < 400)) {
    expect(visible(body).length, `${label}: blank page`).toBeGreaterThan(20);
  }
}

async function get(request: APIRequestContext, url: string, cookie: string) {
  const res = await request.get(url, {
    headers: cookie ? { Cookie: cookie } : {},
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  return { status: res.status(), type: res.headers()["content-type"] ?? "", body: await res.text() };
}

// ---------------------------------------------------------------- sessions
const sessions: string[] = [""];
test.beforeAll(async ({ browser }) => {
  for (const email of ["owner@example.org", "anchor.asia@example.org", "secretariat@example.org"]) {
    const context = await browser.newContext();
    await signIn(await context.newPage(), email);
    sessions.push((await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; "));
    await context.close();
  }
});

test("fuzzed page routes: query strings, path parameters and cookies never give a 500 or a blank page", async ({
  request,
}) => {
  test.setTimeout(300_000);
  const r = prng(SEED);
  for (let i = 0; i < PAGE_CASES; i++) {
    const route = pageRoutes[i % pageRoutes.length]!;
    const path = fill(r, route, i % 3 === 0 ? "en" : undefined);
    const q = toQuery(fuzzParams(r, 800));
    const url = `${path}?${q}`.slice(0, 6000);
    const a = await get(request, url, cookies(r, r.pick(sessions)));
    expectAnswered(`page case ${i} GET ${url.slice(0, 200)}`, a.status, a.type, a.body);
  }
});

function randomFields(r: Prng): Record<string, string | string[]> {
  const names = [
    "title",
    "summary",
    "body",
    "themes",
    "countries",
    "recommendations",
    "language",
    "publication",
    "email",
    "name",
    "submissionId",
    "version",
    "consultationId",
    "organisationId",
    "idempotencyKey",
    "id",
    "intent",
    "slug",
    "token",
    "next",
    "status",
    "note",
    "message",
    "reference",
    "organisation.name",
    "participants.0.name",
    "$ACTION_KEY",
    "__proto__",
  ];
  const out: Record<string, string | string[]> = {};
  for (let i = 1 + r.int(8); i > 0; i--) {
    const k = r.pick(names);
    out[k] =
      r.int(4) === 0 ? [fuzzString(r, 300), fuzzString(r, 300)] : r.int(3) === 0 ? randomUUID() : fuzzString(r, 3000);
  }
  return out;
}

async function post(
  request: APIRequestContext,
  url: string,
  headers: Record<string, string>,
  body: FormData | string | Buffer,
) {
  const res = await request.post(url, {
    headers,
    ...(body instanceof FormData ? { multipart: body } : { data: body }),
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  return { status: res.status(), type: res.headers()["content-type"] ?? "", body: await res.text() };
}

test("fuzzed server actions: as the router, as a form without JavaScript and as garbage, never a 500 or a blank page", async ({
  request,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const r = prng(SEED + 1);
  const origin = new URL(baseURL!).origin;
  let i = 0;
  for (const action of actions) {
    for (let c = 0; c < ACTION_CASES; c++, i++) {
      const cookie = cookies(r, r.pick(sessions));
      const path = fill(r, action.path, "en");
      const fields = randomFields(r);
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) form.append(k, x);
      if (r.int(3) === 0)
        form.append(
          "attachments",
          new File([Buffer.from(r.pick(FUZZ_ATOMS).repeat(1 + r.int(50)))], fuzzString(r, 20) || "x.pdf", {
            type: r.pick(["application/pdf", "text/html", ""]),
          }),
        );
      const label = `action case ${i} ${action.name} at ${path.slice(0, 120)}`;
      const kind = c % 4;
      let a;
      if (kind === 0) {
        // As the router calls it: React's encoding, one or two arguments.
        const encoded = await encodeReply(r.int(2) === 0 ? [form] : [{ status: "idle" }, form]);
        a = await post(
          request,
          path,
          { "Next-Action": action.id, Accept: "text/x-component", Origin: origin, Cookie: cookie },
          encoded,
        );
      } else if (kind === 1) {
        // As a form without JavaScript posts it.
        form.append(`$ACTION_ID_${action.id}`, "");
        a = await post(request, path, { Origin: origin, Cookie: cookie }, form);
      } else if (kind === 2) {
        // Garbage with the action's id: JSON-ish, bytes, a multipart body cut short.
        const garbage = r.pick([
          `[${JSON.stringify(fuzzString(r, 500))}`,
          '{"$":"$@0"}',
          '["$K1"]',
          "\u0000".repeat(100),
          fuzzString(r, 5000),
        ]);
        const type = r.pick([
          "text/plain;charset=UTF-8",
          "multipart/form-data; boundary=----x",
          "application/x-www-form-urlencoded",
          "application/json",
        ]);
        a = await post(
          request,
          path,
          { "Next-Action": action.id, "Content-Type": type, Origin: origin, Cookie: cookie },
          garbage,
        );
      } else {
        // A no-JavaScript post with a broken or mismatched multipart body.
        const garbage = `------x\r\nContent-Disposition: form-data; name="$ACTION_ID_${action.id}"\r\n\r\n\r\n------x\r\nContent-Disposition: form-data; name="${fuzzString(r, 30)}"; filename="${fuzzString(r, 30)}"\r\n\r\n${fuzzString(r, 500)}${r.pick(["\r\n------x--\r\n", "", "\r\n------y--\r\n"])}`;
        a = await post(
          request,
          path,
          { "Content-Type": "multipart/form-data; boundary=----x", Origin: origin, Cookie: cookie },
          Buffer.from(garbage),
        );
      }
      expectAnswered(label, a.status, a.type, a.body);
    }
  }
});
