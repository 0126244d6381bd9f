import { describe, expect, it } from "vitest";
import type * as z from "zod/mini";
import { moderationActionSchema } from "@/lib/moderation/schemas";
import { organisationSchema } from "@/lib/organisations/schemas";
import { registrationSchema } from "@/lib/registrations/schemas";
import { behalfSubmissionSchema, submissionContentSchema, submissionSchema } from "@/lib/submissions/schemas";
import { fieldErrorsOf, formDataToObject, issueMessage, nest } from "./validation";

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

describe("schema issues → validation messages", () => {
  const t = (k: string, v?: Record<string, string | number>) => (v ? `${k} ${JSON.stringify(v)}` : k);
  const U = "0b9f4c0e-7c1e-4d5a-9a43-2d1f7d0c8e11";
  const cases: [string, z.ZodMiniType, unknown, Record<string, string[]>][] = [
    [
      "an input",
      submissionSchema,
      {
        consultationId: U,
        organisationId: U,
        version: "x",
        idempotencyKey: "short",
        title: " ",
        themes: ["0", "40000"],
        summary: "s".repeat(1001),
        body: "B",
        recommendations: Array(6).fill("r"),
        language: "xx",
        contactName: "C",
        contactEmail: "",
        publication: "named",
      },
      {
        version: ["invalidFormat"],
        idempotencyKey: ["invalidFormat"],
        title: ["inputTitle"],
        "themes.0": ['tooSmall {"min":1}'],
        "themes.1": ['tooBig {"max":32767}'],
        summary: ['tooLong {"max":1000}'],
        recommendations: ['tooManyItems {"max":5}'],
        language: ["inputLanguage"],
        contactEmail: ["contactPersonEmail"],
      },
    ],
    [
      "no theme",
      submissionContentSchema,
      {
        title: "T",
        themes: [],
        summary: "S",
        body: "B",
        language: "en",
        contactName: "C",
        contactEmail: "c@example",
        publication: "none",
      },
      { themes: ["inputThemes"], contactEmail: ["contactPersonEmail"] },
    ],
    [
      "an organisation",
      organisationSchema,
      {
        name: "A",
        country: "TH",
        website: "ftp://example.org",
        type: "ngo",
        workingLanguages: ["en"],
        contactEmail: "a@example.org",
        locale: "en",
      },
      { name: ["organisationName"], website: ["invalidUrl"] },
    ],
    [
      "an input on behalf",
      behalfSubmissionSchema,
      {
        consultationId: U,
        idempotencyKey: "k".repeat(16),
        organisation: { mode: "existing", id: U },
        title: "T",
        themes: ["1"],
        summary: "S",
        body: "B",
        language: "en",
        contactName: "C",
        publication: "none",
      },
      { channel: ["channelRequired"] },
    ],
    [
      "a registration",
      registrationSchema,
      {
        consultationId: U,
        organisationId: U,
        version: "0",
        participants: [
          { name: "A", email: "a@example.org", attendance: "remote", visaLetter: "on", travelSupport: "on" },
        ],
      },
      {
        "participants.0.nationality": ["nationalityForVisa"],
        "participants.0.visaLetter": ["visaOnlyInPerson"],
        "participants.0.travelSupportReason": ["travelReasonRequired"],
        consent: ["consentRequired"],
      },
    ],
    [
      "a duplicate mark",
      moderationActionSchema,
      { action: "markDuplicate", submissionId: U, version: "1", duplicateOf: "x" },
      { duplicateOf: ["invalidReference"] },
    ],
  ];
  it.each(cases)("the same field errors for %s on the server and in the browser", (_, schema, input, expected) => {
    const server = schema.safeParse(input, { reportInput: true });
    expect(server.success).toBe(false);
    expect(fieldErrorsOf(server.error!, t)).toEqual(expected);
    // The browser: zodResolver parses with our error map (components/form/use-schema-form.ts).
    const browser = schema.safeParse(input, { error: (iss) => issueMessage(iss, t) });
    const shown: Record<string, string[]> = {};
    for (const i of browser.error!.issues) (shown[i.path.join(".")] ??= []).push(i.message);
    expect(shown).toEqual(expected);
  });
});
