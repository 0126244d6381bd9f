// nginx as the reverse proxy in front of several app instances, for bench/load.ts: the bench writes
// the configuration into a temporary folder and runs nginx there (`-p <dir> -c <conf>`, not a
// daemon) on a loopback port, then stops it. The `http` block is the one README's "Running several
// instances" shows, with the bench's paths and ports.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const NGINX =
  ["/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx"].find((p) => fs.existsSync(p)) ?? "nginx";

export function nginxAvailable(): boolean {
  return spawnSync(NGINX, ["-v"], { stdio: "ignore" }).status === 0;
}

/** The `http { … }` block: one upstream of the app instances, every request passed on. */
export function nginxHttpBlock({
  listen,
  upstreams,
  dir,
}: {
  listen: string;
  upstreams: string[];
  dir?: string;
}): string {
  const temp = dir
    ? ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
        .map((k) => `  ${k}_temp_path ${path.join(dir, `${k}_temp`)};`)
        .join("\n") + "\n"
    : "";
  return `http {
${temp}  access_log off;
  upstream portal {
${upstreams.map((u) => `    server ${u};`).join("\n")}
    keepalive 64;
  }
  server {
    listen ${listen};
    # Three 10 MB attachments and the form (next.config.js: serverActions.bodySizeLimit).
    client_max_body_size 32m;
    client_body_buffer_size 1m;
    location / {
      proxy_pass http://portal;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      # Next.js compares a server action's Origin with this host (port included).
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-Host $http_host;
      # TRUSTED_PROXY_HOPS=1: the app counts the address nginx appends.
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      # Pages stream as they render.
      proxy_buffering off;
      proxy_read_timeout 60s;
    }
  }
}
`;
}

export interface RunningNginx {
  url: string;
  dir: string;
  stop(): Promise<void>;
}

/** Starts nginx on 127.0.0.1:`port` in front of `upstreams` (host:port), in a fresh temporary folder. */
export async function startNginx({ port, upstreams }: { port: number; upstreams: string[] }): Promise<RunningNginx> {
  const dir = fs.mkdtempSync(path.join(tmpdir(), "gcm-nginx-"));
  // Run as root, nginx's workers switch to an unprivileged user: they must be able to use the folder.
  fs.chmodSync(dir, 0o755);
  for (const k of ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"])
    fs.mkdirSync(path.join(dir, `${k}_temp`), { mode: 0o777 });
  const conf = path.join(dir, "nginx.conf");
  fs.writeFileSync(
    conf,
    `daemon off;
worker_processes 1;
pid ${path.join(dir, "nginx.pid")};
error_log ${path.join(dir, "error.log")} warn;
events { worker_connections 1024; }
${nginxHttpBlock({ listen: `127.0.0.1:${port}`, upstreams, dir })}`,
  );
  const p: ChildProcess = spawn(NGINX, ["-p", dir, "-c", conf], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  p.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  // Ready when it answers; an early exit is a configuration or port error.
  for (let i = 0; ; i++) {
    if (p.exitCode !== null)
      throw new Error(
        `nginx exited (${p.exitCode}): ${stderr}${fs.existsSync(path.join(dir, "error.log")) ? fs.readFileSync(path.join(dir, "error.log"), "utf8") : ""}`,
      );
    try {
      await fetch(`${url}/en`, { signal: AbortSignal.timeout(2000) });
      break;
    } catch {
      if (i > 100) throw new Error(`nginx on ${url} not answering`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    dir,
    stop: async () => {
      if (p.exitCode === null && p.signalCode === null) {
        const gone = new Promise((r) => p.once("exit", r));
        p.kill("SIGQUIT");
        await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))]);
        if (p.exitCode === null && p.signalCode === null) p.kill("SIGKILL");
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
