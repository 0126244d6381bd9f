// Privacy: an owner downloads all of the organisation's data and deletes it. Two organisations
// are filled with unique markers in every field we can; A is exported (every marker is in the JSON)
// and deleted; then every table of the database is read as text: none of A's markers remains, all
// of B's do.
import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, useDatabaseForTests } from "@/db/client";
import { consultations, emailOutbox, exportLog, memberships, organisations, registrations } from "@/db/schema";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import { exportSubmissions } from "@/lib/exports/submissions";
import { addInternalNote, moderate } from "@/lib/moderation/decisions";
import { queueFiltersSchema } from "@/lib/moderation/schemas";
import { listPublishedInputs } from "@/lib/public/inputs";
import { saveRegistration } from "@/lib/registrations";
import { contentOf, editSubmission, submitSubmission } from "@/lib/submissions";
import { submissionSchema } from "@/lib/submissions/schemas";
import { createTestDatabase, drivers, type TestDatabase } from "@/lib/testing/db";
import { buildWorld, type World } from "@/lib/testing/fixtures";
import { textOfEveryTable, whereFound } from "@/lib/testing/scan";
import { deleteOrganisation, exportOrganisationData } from "./data";
import { createOrganisation, inviteMember } from "./index";

const tag = Math.random().toString(36).slice(2, 8);
/** A unique, lower-case, unbroken word (it survives full-text indexing as itself). */
const marker = (org: "a" | "b", field: string) => `zq${org}${field}${tag}`;

const pdfWith = (text: string) =>
  new TextEncoder().encode(
    `%PDF-1.4\n% ${text}\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`,
  );

interface Filled {
  orgId: string;
  submissionId: string;
  /** Every marker stored for the organisation. */
  markers: string[];
  /** Stored, but not the organisation's to download (moderators' internal notes). */
  internal: string[];
}

async function fillOrganisation(
  w: World,
  which: "a" | "b",
  owner: Actor,
  member: Actor,
  consultationId: string,
): Promise<Filled> {
  const m = (f: string) => marker(which, f);
  const markers: string[] = [];
  const mark = (f: string) => {
    const v = m(f);
    markers.push(v);
    return v;
  };
  const orgId = await createOrganisation({
    actor: owner,
    input: {
      name: `${mark("orgname")} network`,
      acronym: mark("acr").slice(0, 30),
      country: "FJ",
      city: mark("city"),
      website: `https://${mark("web")}.example.org`,
      type: "ngo",
      workingLanguages: ["en"],
      contactEmail: `${mark("contact")}@example.net`,
      locale: "en",
    },
  });
  const t = await getDb();
  await t.insert(memberships).values({ organisationId: orgId, userId: member.userId, role: "member" });
  const ownerNow = (await loadActor(owner.userId))!;
  await inviteMember({
    actor: ownerNow,
    input: { organisationId: orgId, email: `${mark("invitee")}@example.net`, role: "member", locale: "fr" },
  });

  await saveRegistration({
    actor: ownerNow,
    input: {
      consultationId,
      organisationId: orgId,
      version: 0,
      consent: true,
      participants: [
        {
          name: `${mark("pname")} Diallo`,
          title: mark("ptitle"),
          email: `${mark("pemail")}@example.net`,
          attendance: "in_person",
          visaLetter: true,
          nationality: "TV",
          accessibility: mark("access"),
          interpretationLanguage: mark("interp"),
          dietary: mark("diet"),
          travelSupport: true,
          travelSupportReason: mark("travel"),
        },
      ],
    },
  });

  const submitted = await submitSubmission({
    actor: ownerNow,
    input: submissionSchema.parse({
      consultationId,
      organisationId: orgId,
      version: 0,
      idempotencyKey: randomUUID().replaceAll("-", ""),
      intent: "submit",
      title: mark("title"),
      themes: [1],
      summary: mark("summary"),
      body: mark("body"),
      recommendations: [mark("reca"), mark("recb")],
      countries: ["FJ"],
      language: "en",
      contactName: mark("cname"),
      contactEmail: `${mark("cemail")}@example.net`,
      publication: "named",
    }),
    files: [{ name: `${mark("filename")}.pdf`, bytes: pdfWith(mark("filecontent")) }],
  });
  const anchor = await w.actor("anchorX");
  const version = async () =>
    (await t.query.submissions.findFirst({ where: (s, { eq: e }) => e(s.id, submitted.id) }))!;
  // A message to the organisation (stored, e-mailed), then a revision answering it.
  await moderate({
    actor: anchor,
    input: {
      action: "requestChanges",
      submissionId: submitted.id,
      version: (await version()).version,
      message: mark("modmsg"),
    },
  });
  const current = await version();
  await editSubmission({
    actor: ownerNow,
    submissionId: current.id,
    version: current.version,
    content: { ...contentOf(current), summary: mark("revised") },
  });
  await moderate({
    actor: anchor,
    input: {
      action: "tag",
      submissionId: submitted.id,
      version: (await version()).version,
      themes: [],
      keywords: [mark("kw")],
    },
  });
  const internal = [m("note")];
  await addInternalNote({ actor: anchor, submissionId: submitted.id, body: internal[0]! });
  await moderate({
    actor: anchor,
    input: { action: "accept", submissionId: submitted.id, version: (await version()).version },
  });
  await moderate({
    actor: anchor,
    input: { action: "publish", submissionId: submitted.id, version: (await version()).version },
  });
  // An anchor's export searched by the organisation's name: the log keeps the export, not the search.
  await new Response(
    await exportSubmissions({
      actor: anchor,
      consultationId,
      filters: queueFiltersSchema.parse({ q: m("orgname") }),
      format: "csv",
    }),
  ).arrayBuffer();
  return { orgId, submissionId: submitted.id, markers, internal };
}

describe.each(drivers)("organisation data export and deletion on %s", (driver) => {
  let t: TestDatabase;
  let w: World;
  let a: Filled;
  let b: Filled;
  let exported = "";

  beforeAll(async () => {
    t = await createTestDatabase(driver);
    useDatabaseForTests(t);
    w = await buildWorld(t.db, tag);
    a = await fillOrganisation(w, "a", await w.actor("ownerA"), await w.actor("memberA"), w.consultationX);
    b = await fillOrganisation(w, "b", await w.actor("ownerB"), await w.actor("memberB"), w.consultationX);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it("stores every marker somewhere before anything is deleted", async () => {
    const found = whereFound(await textOfEveryTable(t.db), [...a.markers, ...a.internal, ...b.markers, ...b.internal]);
    expect([...a.markers, ...a.internal, ...b.markers, ...b.internal].filter((m) => !found[m])).toEqual([]);
    expect((await listPublishedInputs({ consultationSlug: "asia" })).rows.map((r) => r.id)).toContain(a.submissionId);
  });

  it("exports every marker of the organisation, and nothing of the other or of internal notes", async () => {
    const owner = await loadActor(w.ids.ownerA);
    const stream = await exportOrganisationData({ actor: owner!, organisationId: a.orgId });
    exported = await new Response(stream).text();
    const doc = JSON.parse(exported) as {
      organisation: { id: string };
      members: unknown[];
      invitations: unknown[];
      registrations: { participants: unknown[] }[];
      submissions: { revisions: unknown[]; attachments: { fileName: string; contentBase64: string }[] }[];
    };
    expect(doc.organisation.id).toBe(a.orgId);
    expect(doc.members).toHaveLength(2);
    expect(doc.registrations[0]!.participants).toHaveLength(1);
    expect(doc.submissions[0]!.revisions).toHaveLength(2);
    const files = doc.submissions.flatMap((s) =>
      s.attachments.map((f) => Buffer.from(f.contentBase64, "base64").toString("latin1")),
    );
    const everything = `${exported}\n${files.join("\n")}`;
    expect(a.markers.filter((m) => !everything.includes(m))).toEqual([]);
    expect(a.internal.filter((m) => everything.includes(m))).toEqual([]);
    expect(b.markers.filter((m) => everything.includes(m))).toEqual([]);
  });

  it("refuses a confirmation that is not the organisation's name, and deletes nothing", async () => {
    const owner = (await loadActor(w.ids.ownerA))!;
    const err = await deleteOrganisation({ actor: owner, organisationId: a.orgId, confirmName: "Another name" }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe("nameMismatch");
    expect(await t.db.select({ n: count() }).from(organisations).where(eq(organisations.id, a.orgId))).toEqual([
      { n: 1 },
    ]);
  });

  it("deletes every row carrying the organisation's data, and leaves the other organisation whole", async () => {
    const owner = (await loadActor(w.ids.ownerA))!;
    const [org] = await t.db.select().from(organisations).where(eq(organisations.id, a.orgId));
    await deleteOrganisation({ actor: owner, organisationId: a.orgId, confirmName: `  ${org!.name} ` });

    const tables = await textOfEveryTable(t.db);
    const found = whereFound(tables, [...a.markers, ...a.internal]);
    expect(found, "markers of the deleted organisation still stored").toEqual({});
    const kept = whereFound(tables, [...b.markers, ...b.internal]);
    expect([...b.markers, ...b.internal].filter((m) => !kept[m])).toEqual([]);

    // Members' own accounts remain, without the membership.
    const memberA = await loadActor(w.ids.memberA);
    expect(memberA?.memberships.some((m) => m.organisationId === a.orgId)).toBe(false);
    // Gone from the public pages, and its e-mails from the outbox; the export log row stays.
    expect((await listPublishedInputs({ consultationSlug: "asia" })).rows.map((r) => r.id)).not.toContain(
      a.submissionId,
    );
    expect(await t.db.select({ n: count() }).from(emailOutbox).where(eq(emailOutbox.organisationId, a.orgId))).toEqual([
      { n: 0 },
    ]);
    expect((await t.db.select().from(exportLog)).length).toBe(3);
    expect(
      await t.db.select({ n: count() }).from(registrations).where(eq(registrations.organisationId, b.orgId)),
    ).toEqual([{ n: 1 }]);
  });

  it("offers the deleted organisation's in-person seats to the waitlist", async () => {
    // B holds the only seat of Y; C waits. Deleting B confirms C.
    const [y] = await t.db.select().from(consultations).where(eq(consultations.id, w.consultationY));
    await t.db.update(consultations).set({ inPersonCapacity: 1 }).where(eq(consultations.id, y!.id));
    const person = {
      name: "Seat holder",
      email: "seat@example.net",
      attendance: "in_person" as const,
      visaLetter: false,
      travelSupport: false,
      title: undefined,
      nationality: undefined,
      accessibility: undefined,
      interpretationLanguage: undefined,
      dietary: undefined,
      travelSupportReason: undefined,
    };
    const ownerB = (await loadActor(w.ids.ownerB))!;
    const first = await saveRegistration({
      actor: ownerB,
      input: { consultationId: y!.id, organisationId: b.orgId, version: 0, consent: true, participants: [person] },
    });
    expect(first.status).toBe("confirmed");
    const ownerA = (await loadActor(w.ids.ownerA))!;
    const cId = await createOrganisation({
      actor: ownerA,
      input: {
        name: "Waiting organisation",
        country: "FJ",
        type: "ngo",
        workingLanguages: ["en"],
        contactEmail: "waiting@example.net",
        locale: "en",
        acronym: undefined,
        city: undefined,
        website: undefined,
      },
    });
    const second = await saveRegistration({
      actor: (await loadActor(w.ids.ownerA))!,
      input: { consultationId: y!.id, organisationId: cId, version: 0, consent: true, participants: [person] },
    });
    expect(second.status).toBe("waitlisted");
    const [orgB] = await t.db.select().from(organisations).where(eq(organisations.id, b.orgId));
    await deleteOrganisation({
      actor: (await loadActor(w.ids.ownerB))!,
      organisationId: b.orgId,
      confirmName: orgB!.name,
    });
    const [c] = await t.db.select().from(registrations).where(eq(registrations.organisationId, cId));
    expect(c!.status).toBe("confirmed");
  });
});
