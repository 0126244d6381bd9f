import { describe, expect, it } from "vitest";
import { formDataToObject, nest } from "./validation";

describe("form data", () => {
  it("nests react-hook-form names into objects and arrays, dropping removed rows", () => {
    const fd = new FormData();
    fd.append("consultationId", "c1");
    fd.append("participants.0.name", "Amina");
    fd.append("participants.2.name", "Jorge");
    fd.append("participants.2.visaLetter", "on");
    fd.append("themes", "1");
    fd.append("themes", "3");
    fd.append("__proto__.polluted", "x");
    const out = nest(formDataToObject(fd, ["themes"]));
    expect(out).toEqual({
      consultationId: "c1",
      participants: [{ name: "Amina" }, { name: "Jorge", visaLetter: "on" }],
      themes: ["1", "3"],
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
