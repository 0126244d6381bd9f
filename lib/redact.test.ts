import { describe, expect, it } from "vitest";
import { redactForLog } from "./redact";

describe("redactForLog", () => {
  it("masks plain and URL-encoded e-mail addresses, and keeps the rest", () => {
    expect(redactForLog("550 <ana.maria+x@mail.example.org> rejected")).toBe("550 <[e-mail]> rejected");
    expect(redactForLog("GET /callback?email=ana%40example.org&token=1")).toBe("GET /callback?email=[e-mail]&token=1");
    expect(redactForLog("connect ECONNREFUSED 127.0.0.1:5432")).toBe("connect ECONNREFUSED 127.0.0.1:5432");
  });
});
