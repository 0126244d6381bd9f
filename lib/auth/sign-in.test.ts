// Which address the per-client sign-in limit counts, and the environment rule that keeps e-mailed
// links off a requester's Host header.
import { describe, expect, it } from "vitest";
import { clientAddress } from "./sign-in";

describe("clientAddress", () => {
  it("takes the entry the nearest proxy wrote, not what the client put first", () => {
    expect(clientAddress("6.6.6.6, 203.0.113.9", 1)).toBe("203.0.113.9");
    expect(clientAddress("203.0.113.9", 1)).toBe("203.0.113.9");
    // Two proxies: the second from the right is the address the outer one saw.
    expect(clientAddress("6.6.6.6, 203.0.113.9, 10.0.0.2", 2)).toBe("203.0.113.9");
  });

  it("copes with a missing, empty or short header", () => {
    expect(clientAddress(null, 1)).toBe("unknown");
    expect(clientAddress("", 1)).toBe("unknown");
    expect(clientAddress(" , ", 1)).toBe("unknown");
    expect(clientAddress("203.0.113.9", 3)).toBe("203.0.113.9");
  });
});

describe("environment", () => {
  it("requires APP_URL in production when e-mail is really sent", async () => {
    const saved = { ...process.env };
    try {
      const load = async (vars: Record<string, string | undefined>) => {
        for (const k of ["NODE_ENV", "SMTP_URL", "APP_URL"]) delete process.env[k];
        Object.assign(process.env, vars);
        const { vi } = await import("vitest");
        vi.resetModules();
        return (await import("@/lib/env")).env;
      };
      await expect(
        load({ NODE_ENV: "production", SMTP_URL: "smtp://mail.example.org:25" }).then((env) => env()),
      ).rejects.toThrow(/APP_URL/);
      await expect(
        load({
          NODE_ENV: "production",
          SMTP_URL: "smtp://mail.example.org:25",
          APP_URL: "https://consult.example.org",
        }).then((env) => env().APP_URL),
      ).resolves.toBe("https://consult.example.org");
      await expect(load({ NODE_ENV: "production" }).then((env) => env().APP_URL)).resolves.toBeUndefined();
    } finally {
      process.env = saved;
    }
  });
});
