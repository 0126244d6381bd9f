// The e-mailed sign-in link is built on APP_URL when set, whatever Host or X-Forwarded-Host the
// request that asked for it carried (a poisoned host would receive the victim's token).
import { describe, expect, it } from "vitest";
import { confirmationUrl } from "@/lib/auth";

const poisoned =
  "http://evil.example/api/auth/callback/nodemailer?callbackUrl=%2Ffr%2Faccount&token=abc123&email=victim%40example.org";

describe("confirmationUrl", () => {
  it("uses APP_URL, never the request's host, when APP_URL is set", () => {
    const { url, locale } = confirmationUrl(poisoned, "https://portal.example.org/");
    expect(locale).toBe("fr");
    const u = new URL(url);
    expect(u.origin).toBe("https://portal.example.org");
    expect(u.pathname).toBe("/fr/sign-in/confirm");
    expect(u.searchParams.get("token")).toBe("abc123");
    expect(u.searchParams.get("email")).toBe("victim@example.org");
  });

  it("keeps a path prefix of APP_URL", () => {
    expect(new URL(confirmationUrl(poisoned, "https://example.org/consultations").url).pathname).toBe(
      "/consultations/fr/sign-in/confirm",
    );
  });

  it("falls back to the request's origin without APP_URL (local mode)", () => {
    expect(new URL(confirmationUrl(poisoned, undefined).url).origin).toBe("http://evil.example");
  });
});
