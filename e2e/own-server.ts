// For specs that need a server of their own (another environment, another address): start
// scripts/server.mjs as `npm start` runs it, and talk to it over plain HTTP from a chosen local
// address (`localAddress`), so the server sees a real non-loopback peer on its socket.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";

export interface OwnServer {
  port: number;
  process: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/** This machine's first non-loopback IPv4 address: a client bound to it is "off the network". */
export function nonLoopbackAddress(): string {
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) if (a.family === "IPv4" && !a.internal) return a.address;
  }
  throw new Error("This test needs a non-loopback IPv4 address on the machine (e.g. eth0).");
}

export function runServer(port: number, env: Record<string, string>): ChildProcess & { log: () => string } {
  const child: ChildProcess = spawn(process.execPath, ["scripts/server.mjs"], {
    env: {
      PATH: process.env.PATH ?? "",
      NEXT_TELEMETRY_DISABLED: "1",
      AUTH_SECRET: "e2e-own-server-secret-0123456789",
      AUTH_TRUST_HOST: "true",
      PORT: String(port),
      ...env,
    } as unknown as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  return Object.assign(child, { log: () => out });
}

export async function startOwnServer(port: number, env: Record<string, string>): Promise<OwnServer> {
  const busy = await request({ host: "127.0.0.1", port, path: "/" }).then(
    () => true,
    () => false,
  );
  if (busy) throw new Error(`port ${port} is already in use`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "gcm-own-"));
  const child = runServer(port, { DATA_DIR: dataDir, DATABASE_URL: "", ...env });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${child.log()}`);
    const up = await request({ host: "127.0.0.1", port, path: "/en" }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (up) break;
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    port,
    process: child,
    output: child.log,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await new Promise((r) => child.once("exit", r));
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export function request(opts: {
  host: string;
  port: number;
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  localAddress?: string;
}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: opts.host,
        port: opts.port,
        path: opts.path,
        method: opts.method ?? "GET",
        headers: opts.headers,
        localAddress: opts.localAddress,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }),
        );
        res.on("error", reject);
      },
    );
    req.setTimeout(60_000, () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end(opts.body);
  });
}

/** A FormData as a multipart body and its content type, as a browser would send it. */
export async function multipart(fd: FormData): Promise<{ body: Buffer; contentType: string }> {
  const r = new Request("http://x.invalid/", { method: "POST", body: fd });
  return { body: Buffer.from(await r.arrayBuffer()), contentType: r.headers.get("content-type")! };
}

/** The hidden fields of the no-JavaScript form of a page (React's $ACTION_… fields included). */
export function hiddenFields(html: string): [string, string][] {
  const out: [string, string][] = [];
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/?>/g)) {
    out.push([decodeHtml(m[1]!), decodeHtml(m[2] ?? "")]);
  }
  return out;
}

const decodeHtml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
