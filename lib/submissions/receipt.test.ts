import { describe, expect, it } from "vitest";
import { receiptRecipients } from "./receipt";

describe("who gets an input's receipt", () => {
  it("the person who submitted, in their language, and the contact person, in the organisation's", () => {
    expect(receiptRecipients({ email: "ana@example.org", locale: "es" }, "contact@example.org", "fr")).toEqual([
      { to: "ana@example.org", locale: "es" },
      { to: "contact@example.org", locale: "fr" },
    ]);
  });
  it("once when they are the same person, whatever the case or spaces", () => {
    expect(receiptRecipients({ email: "Ana@Example.org", locale: "es" }, " ana@example.org ", "fr")).toEqual([
      { to: "Ana@Example.org", locale: "es" },
    ]);
    expect(receiptRecipients({ email: "ana@example.org", locale: "ar" }, null, "fr")).toEqual([
      { to: "ana@example.org", locale: "ar" },
    ]);
  });
});
