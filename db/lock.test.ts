import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type OpenDatabase } from "./open";

// A second process (not a second call in this one) is what loses rows, so the probe is a real process.
function openInAnotherProcess(dataDir: string) {
  const code = `import { openDatabase } from "./db/open.ts";
    openDatabase({ dataDir: ${JSON.stringify(dataDir)}, seed: false })
      .then(async (d) => { await d.close(); console.log("opened"); process.exit(0); },
            (e) => { console.error(e.message); process.exit(3); });`;
  return spawnSync(path.resolve("node_modules/.bin/tsx"), ["--eval", code], { encoding: "utf8", timeout: 150_000 });
}

describe("embedded database folder lock", () => {
  const dirs: string[] = [];
  let open: OpenDatabase | undefined;
  afterEach(async () => {
    await open?.close();
    open = undefined;
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });
  const tmp = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), "gcm-lock-"));
    dirs.push(d);
    return d;
  };

  it(
    "refuses a second process with a clear message while the first holds the folder",
    { timeout: 400_000 },
    async () => {
      const dir = tmp();
      open = await openDatabase({ dataDir: dir, seed: false });
      const second = openInAnotherProcess(dir);
      expect(second.status).toBe(3);
      expect(second.stderr).toContain(`already open in another process (pid ${process.pid})`);
      expect(second.stderr).toContain("DATABASE_URL");

      await open.close();
      open = undefined;
      const third = openInAnotherProcess(dir);
      expect(third.stdout).toContain("opened");
      expect(third.status).toBe(0);
    },
  );

  it("takes over a lock left by a process that died", async () => {
    const dir = tmp();
    // A pid far above pid_max on Linux: no such process exists.
    fs.writeFileSync(path.join(dir, "pglite.lock"), "99999999");
    open = await openDatabase({ dataDir: dir, seed: false });
    expect(fs.readFileSync(path.join(dir, "pglite.lock"), "utf8")).toBe(String(process.pid));
  });
});
