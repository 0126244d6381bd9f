import { describe, expect, it } from "vitest";
import { organisationSchema } from "@/lib/organisations/schemas";
import { httpHref } from "./safe-href";

const hostile = [
  "javascript:window.__xss=1",
  "JavaScript:window.__xss=1",
  " javascript:window.__xss=1",
  "java\tscript:window.__xss=1",
  "\u0000javascript:window.__xss=1",
  "data:text/html,<script>window.__xss=1</script>",
  "vbscript:msgbox(1)",
  "file:///etc/passwd",
  "//evil.example/x",
  "/relative",
  "https//missing-colon.example",
  "",
];

describe("httpHref", () => {
  it.each(hostile)("gives no href for %j", (v) => expect(httpHref(v)).toBeNull());
  it("keeps http and https URLs", () => {
    expect(httpHref("https://example.org/a?b=c")).toBe("https://example.org/a?b=c");
    expect(httpHref("HTTP://EXAMPLE.ORG")).toBe("http://example.org/");
  });
});

describe("organisationSchema website", () => {
  const base = {
    name: "Org",
    country: "FJ",
    type: "ngo",
    workingLanguages: ["en"],
    contactEmail: "a@example.org",
    locale: "en",
  };
  // A protocol-relative address is read as a host typed without https:// and stored with it.
  it.each(hostile.filter((v) => v && !v.startsWith("//")))("refuses %j", (website) => {
    expect(organisationSchema.safeParse({ ...base, website }).success).toBe(false);
  });
  it("accepts an https URL and an empty field", () => {
    expect(organisationSchema.parse({ ...base, website: "https://example.org" }).website).toBe("https://example.org");
    expect(organisationSchema.parse({ ...base, website: "" }).website).toBeUndefined();
    expect(organisationSchema.parse({ ...base, website: "//example.org/x" }).website).toBe("https://example.org/x");
  });
});
