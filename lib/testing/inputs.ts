// Shared by the test files that record inputs: a fresh idempotency key, an instant before every
// deadline the fixtures set, an input's content with defaults, a new input's envelope, and the
// refusal a call must throw.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { consultations } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import { submissionContentSchema, type SubmissionContent } from "@/lib/submissions/schemas";
import type { TestDatabase } from "./db";

export const idempotencyKey = () => randomUUID().replaceAll("-", "");

/** A moment before any deadline a test sets (the fixtures' consultations have none by default). */
export const beforeDeadlines = new Date("2017-07-15T00:00:00Z");

export const inputContent = (over: Partial<SubmissionContent> = {}): SubmissionContent =>
  submissionContentSchema.parse({
    title: "An input",
    themes: [1],
    summary: "A short summary.",
    body: "What the organisation has to say.",
    recommendations: [],
    countries: ["TH"],
    language: "en",
    contactName: "Contact Person",
    contactEmail: "contact@example.net",
    publication: "named",
    ...over,
  });

/** A new input's form envelope (version 0, a fresh key): the content is spread after it. */
export const newInput = (consultationId: string, organisationId: string, intent: "submit" | "draft") => ({
  consultationId,
  organisationId,
  version: 0,
  idempotencyKey: idempotencyKey(),
  intent,
});

/** The last reference number the consultation has handed out (references are never reused). */
export const lastReference = async (db: TestDatabase["db"], consultationId: string) =>
  (
    await db.select({ n: consultations.lastReference }).from(consultations).where(eq(consultations.id, consultationId))
  )[0]!.n;

/** The DomainError a call must be refused with. */
export async function caught(p: Promise<unknown>): Promise<DomainError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e, "should have thrown a DomainError").toBeInstanceOf(DomainError);
  return e as DomainError;
}
