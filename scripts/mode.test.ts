// The start-up decision (scripts/mode.mjs): demo mode listens on the loopback address unless HOSTNAME
// says otherwise, and production refuses demo accounts that were not asked for by name.
import { describe, expect, it } from "vitest";
import { resolveMode, startupBlock } from "./mode.mjs";

describe("resolveMode", () => {
  it("the local try-out: demo accounts and outbox on, loopback only", () => {
    const m = resolveMode({});
    expect(m).toMatchObject({ demo: true, demoAccounts: true, localOutbox: true, host: "127.0.0.1", refusal: null });
    expect(startupBlock(m, 3000)).toMatch(/Listens on 127\.0\.0\.1:3000 only/);
  });
  it("HOSTNAME opens the port, and the block says what that exposes", () => {
    const m = resolveMode({ HOSTNAME: "0.0.0.0" });
    expect(m.host).toBe("0.0.0.0");
    expect(startupBlock(m, 3000)).toMatch(/answer only requests from this computer/);
    expect(startupBlock(resolveMode({ HOSTNAME: "0.0.0.0", DEMO_ALLOW_REMOTE: "true" }), 3000)).toMatch(/to ANYONE/);
  });
  it("a real deployment listens everywhere and has no demo", () => {
    const m = resolveMode({ DATABASE_URL: "postgres://db/app", SMTP_URL: "smtp://mail", NODE_ENV: "production" });
    expect(m).toMatchObject({ demo: false, host: "0.0.0.0", refusal: null });
  });
  it("refuses implicit demo accounts in production, not explicit ones", () => {
    expect(resolveMode({ NODE_ENV: "production" }).refusal).toMatch(/DEMO_ACCOUNTS=true/);
    expect(resolveMode({ NODE_ENV: "production", DEMO_ACCOUNTS: "true" }).refusal).toBeNull();
    expect(resolveMode({ NODE_ENV: "production", DEMO_ACCOUNTS: "false" }).refusal).toBeNull();
    expect(resolveMode({ DATABASE_URL: "postgres://db/app", DEMO_ACCOUNTS: "true" })).toMatchObject({
      demo: true,
      host: "127.0.0.1",
      refusal: null,
    });
  });
});
