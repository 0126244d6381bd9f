// Demo mode cannot be reached from the network (issue 18). Real sockets, no forged peer: servers of
// this spec's own (scripts/server.mjs, as `npm start` runs it) and a client bound to this machine's
// non-loopback address, so the server's socket sees a peer that is not 127.0.0.1. Headers such as
// X-Forwarded-For — and a copy of the server's own peer header — are sent to prove they grant nothing.
import { expect, test } from "@playwright/test";
import {
  hiddenFields,
  multipart,
  nonLoopbackAddress,
  request,
  runServer,
  startOwnServer,
  type OwnServer,
} from "./own-server";

// E2E_PORT and the next port are the suite's servers; these are the next ones of its range.
const BASE_PORT = Number(process.env.E2E_PORT ?? 3100) + 4;
const OWNER = "owner@example.org";
const FORGED = {
  "X-Forwarded-For": "127.0.0.1",
  "X-Real-IP": "127.0.0.1",
  Forwarded: "for=127.0.0.1",
  "X-Portal-Peer-Address": "127.0.0.1",
};

test.describe.configure({ mode: "serial" });

let remote: string;
test.beforeAll(({}, info) => {
  // It starts servers of its own: once is enough.
  test.skip(info.project.name !== "embedded");
  remote = nonLoopbackAddress();
});

async function outboxCount(port: number, to: string): Promise<number> {
  const r = await request({ host: "127.0.0.1", port, path: "/en/dev/outbox" });
  expect(r.status).toBe(200);
  return r.body.split(`data-testid="outbox-to">${to}<`).length - 1;
}

/** Asks for a sign-in link through the page's own no-JavaScript form, from `from`. */
async function signInForm(host: string, port: number, email: string, from: string) {
  const page = await request({ host, port, path: "/en/sign-in", localAddress: from, headers: FORGED });
  expect(page.status).toBe(200);
  const fd = new FormData();
  for (const [k, v] of hiddenFields(page.body)) fd.append(k, v);
  fd.append("email", email);
  const { body, contentType } = await multipart(fd);
  return request({
    host,
    port,
    path: "/en/sign-in",
    method: "POST",
    localAddress: from,
    body,
    headers: { ...FORGED, "Content-Type": contentType, Origin: `http://${host}:${port}` },
  });
}

/** Asks for a link through Auth.js's own endpoint (CSRF token and cookie first), from `from`. */
async function signInEndpoint(host: string, port: number, email: string, from: string) {
  const csrf = await request({ host, port, path: "/api/auth/csrf", localAddress: from, headers: FORGED });
  const cookie = (csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  const token = (JSON.parse(csrf.body) as { csrfToken: string }).csrfToken;
  return request({
    host,
    port,
    path: "/api/auth/signin/nodemailer",
    method: "POST",
    localAddress: from,
    body: new URLSearchParams({ csrfToken: token, email }).toString(),
    headers: { ...FORGED, Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
  });
}

test.describe("demo mode by default", () => {
  let server: OwnServer;
  test.beforeAll(async () => {
    server = await startOwnServer(BASE_PORT, {});
  });
  test.afterAll(async () => server?.stop());

  test("listens on the loopback address only and says so", async () => {
    expect(server.output()).toMatch(/Mode: DEMO/);
    expect(server.output()).toMatch(/Listens on 127\.0\.0\.1:\d+ only/);
    await expect(request({ host: remote, port: server.port, path: "/en", localAddress: remote })).rejects.toThrow(
      /ECONNREFUSED/,
    );
    const local = await request({ host: "127.0.0.1", port: server.port, path: "/en/dev/outbox" });
    expect(local.body).toContain("Local outbox");
    expect(local.body).not.toContain("outbox-refused");
  });
});

test.describe("demo mode opened to the network with HOSTNAME", () => {
  let server: OwnServer;
  test.beforeAll(async () => {
    server = await startOwnServer(BASE_PORT + 1, { HOSTNAME: "0.0.0.0" });
  });
  test.afterAll(async () => server?.stop());

  test("the public pages answer from the network; the outbox does not, whatever the headers say", async () => {
    expect(server.output()).toMatch(/answer only requests from this computer/);
    const home = await request({ host: remote, port: server.port, path: "/en", localAddress: remote, headers: FORGED });
    expect(home.status).toBe(200);
    const outbox = await request({
      host: remote,
      port: server.port,
      path: "/en/dev/outbox",
      localAddress: remote,
      headers: FORGED,
    });
    expect(outbox.body).toContain('data-testid="outbox-refused"');
    expect(outbox.body).not.toContain("outbox-mail");
    expect(outbox.body).not.toContain("/sign-in/confirm");
    // The same page from this computer lists the e-mails.
    const local = await request({ host: "127.0.0.1", port: server.port, path: "/en/dev/outbox" });
    expect(local.body).not.toContain("outbox-refused");
  });

  test("a demo account cannot ask for a sign-in link from the network, by the form or Auth.js's endpoint", async () => {
    const before = await outboxCount(server.port, OWNER);
    const form = await signInForm(remote, server.port, OWNER, remote);
    expect(form.status).toBe(200);
    expect(form.body).toContain("Demo accounts can be used only on the computer the portal runs on");
    const endpoint = await signInEndpoint(remote, server.port, OWNER, remote);
    expect(endpoint.status).toBe(302);
    expect(endpoint.headers.location).toMatch(/error=AccessDenied/);
    expect(await outboxCount(server.port, OWNER)).toBe(before);
    // From this computer, both work (the control: the refusal is about the peer, not the request).
    const localForm = await signInForm("127.0.0.1", server.port, OWNER, "127.0.0.1");
    expect(localForm.status).toBe(303);
    expect(localForm.headers.location).toMatch(/\/en\/sign-in\/check-email$/);
    const localEndpoint = await signInEndpoint("127.0.0.1", server.port, OWNER, "127.0.0.1");
    expect(localEndpoint.headers.location).toMatch(/verify-request/);
    expect(await outboxCount(server.port, OWNER)).toBe(before + 2);
  });
});

test.describe("DEMO_ALLOW_REMOTE=true", () => {
  let server: OwnServer;
  test.beforeAll(async () => {
    server = await startOwnServer(BASE_PORT + 2, { HOSTNAME: "0.0.0.0", DEMO_ALLOW_REMOTE: "true" });
  });
  test.afterAll(async () => server?.stop());

  test("opens the outbox and the demo accounts to the network, and the start-up block says so", async () => {
    expect(server.output()).toMatch(/DEMO_ALLOW_REMOTE=true — the outbox with every sign-in link/);
    const outbox = await request({ host: remote, port: server.port, path: "/en/dev/outbox", localAddress: remote });
    expect(outbox.body).not.toContain("outbox-refused");
    const form = await signInForm(remote, server.port, OWNER, remote);
    expect(form.status).toBe(303);
  });
});

test("production without DATABASE_URL refuses to start with demo accounts unless asked for by name", async () => {
  const child = runServer(BASE_PORT + 3, { NODE_ENV: "production", DATA_DIR: "/nonexistent-not-used" });
  const code = await new Promise<number | null>((r) => child.once("exit", r));
  expect(code).toBe(1);
  expect(child.log()).toMatch(/Refusing to start: demo accounts would be on/);
  expect(child.log()).toMatch(/DEMO_ACCOUNTS=true/);
});
