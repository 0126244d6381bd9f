import { describe, expect, it } from "vitest";
import { organisationSchema } from "./schemas";

const base = {
  name: "Réseau",
  country: "ML",
  type: "ngo",
  workingLanguages: ["fr"],
  contactEmail: "contact@example.org",
  locale: "fr",
};
const website = (w: string) => {
  const r = organisationSchema.safeParse({ ...base, website: w });
  return r.success ? r.data.website : "refused";
};

describe("an organisation's website", () => {
  it("is accepted as people type it, and stored with https://", () => {
    expect(website("example.org")).toBe("https://example.org");
    expect(website("www.example.org/about")).toBe("https://www.example.org/about");
    expect(website("example.org:8080")).toBe("https://example.org:8080");
    expect(website("http://example.org")).toBe("http://example.org");
    expect(website("https://example.org/x")).toBe("https://example.org/x");
    expect(website("")).toBeUndefined();
  });
  it("refuses what is no web address", () => {
    expect(website("javascript:alert(1)")).toBe("refused");
    expect(website("data:text/html,x")).toBe("refused");
    expect(website("localhost")).toBe("refused");
    expect(website("not a site")).toBe("refused");
  });
});
