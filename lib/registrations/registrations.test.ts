// Seat accounting, waitlist, deadlines in the consultation's time zone, and who sees participants.
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { consultations, emailOutbox, memberships, organisations, registrations, rounds } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/actor";
import { DomainError, NotFoundError } from "@/lib/errors";
import { drivers, type TestDatabase } from "@/lib/testing/db";
import { openWorld, type World } from "@/lib/testing/fixtures";
import { zonedLocalToUtc } from "@/lib/time";
import {
  decideRegistration,
  getOwnRegistration,
  listOwnRegistrations,
  listRegistrationsForModeration,
  participantsForExport,
  saveRegistration,
  withdrawRegistration,
} from "./index";
import type { ParticipantInput } from "./schemas";

const person = (name: string, attendance: "in_person" | "remote" = "in_person"): ParticipantInput => ({
  name,
  email: `${name.toLowerCase()}@example.net`,
  attendance,
  visaLetter: attendance === "in_person",
  nationality: "ML",
  travelSupport: false,
  title: undefined,
  accessibility: undefined,
  interpretationLanguage: "fr",
  dietary: undefined,
  travelSupportReason: undefined,
});

describe.each(drivers)("registrations on %s", (driver) => {
  let t: TestDatabase;
  let w: World;
  let consultationId: string;
  // A fresh organisation per test, owned by a fresh user, so tests do not share registrations.
  const newOrg = async (tag: string): Promise<{ orgId: string; actor: Actor }> => {
    const owner = await w.actor("ownerA");
    const [org] = await t.db
      .insert(organisations)
      .values({
        name: `Org ${tag}`,
        country: "ML",
        type: "grassroots",
        contactEmail: `${tag}@example.net`,
        workingLanguages: ["fr"],
        locale: "fr",
      })
      .returning({ id: organisations.id });
    await t.db.insert(memberships).values({ organisationId: org!.id, userId: owner.userId, role: "owner" });
    return { orgId: org!.id, actor: (await loadActor(owner.userId))! };
  };
  const register = (actor: Actor, orgId: string, people: ParticipantInput[], now?: Date, version = 0) =>
    saveRegistration({
      actor,
      input: { consultationId, organisationId: orgId, version, participants: people, consent: true },
      now,
    });

  beforeAll(async () => {
    ({ t, w } = await openWorld(driver));
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(async () => {
    // Each test gets its own consultation row (Africa, then others), with capacity set per test.
    const [c] = await t.db
      .insert(consultations)
      .values({
        slug: `test-${Math.random().toString(36).slice(2, 8)}`,
        code: `T${Math.random().toString(36).slice(2, 6).toUpperCase()}`,
        region: "Test",
        city: "Nadi",
        country: "FJ",
        startsOn: "2017-11-02",
        endsOn: "2017-11-03",
        timeZone: "Pacific/Fiji",
        anchors: "Test anchors",
        inPersonCapacity: 2,
        roundId: (await t.db.select({ id: rounds.id }).from(rounds).where(eq(rounds.slug, "2017")))[0]!.id,
      })
      .returning({ id: consultations.id });
    consultationId = c!.id;
  });

  it("confirms within capacity, waitlists past it, and offers a freed seat to the waitlist", async () => {
    const a = await newOrg("a");
    const b = await newOrg("b");
    const r = await newOrg("r");
    expect((await register(a.actor, a.orgId, [person("Amina"), person("Moussa")])).status).toBe("confirmed");
    expect((await register(b.actor, b.orgId, [person("Jorge")])).status).toBe("waitlisted");
    // Remote participants hold no seat.
    expect((await register(r.actor, r.orgId, [person("Lena", "remote")])).status).toBe("confirmed");

    const own = await getOwnRegistration({ actor: a.actor, consultationId, organisationId: a.orgId });
    await withdrawRegistration({
      actor: a.actor,
      registrationId: own!.registration.id,
      version: own!.registration.version,
    });
    const bReg = await getOwnRegistration({ actor: b.actor, consultationId, organisationId: b.orgId });
    expect(bReg?.registration.status).toBe("confirmed");
    const mails = await t.db.select().from(emailOutbox).where(eq(emailOutbox.to, "b@example.net"));
    expect(mails.map((m) => m.template)).toEqual(["registrationWaitlisted", "registrationConfirmed"]);
    // In the organisation's language (French).
    expect(mails[1]?.subject).toContain("confirmée");
  });

  it("gives the last seat to exactly one of two organisations registering at the same time", async () => {
    await t.db.update(consultations).set({ inPersonCapacity: 1 }).where(eq(consultations.id, consultationId));
    const orgs = await Promise.all(["x1", "x2", "x3", "x4"].map((tag) => newOrg(tag)));
    const results = await Promise.all(orgs.map((o) => register(o.actor, o.orgId, [person(`P${o.orgId.slice(0, 4)}`)])));
    expect(results.filter((r) => r.status === "confirmed")).toHaveLength(1);
    expect(results.filter((r) => r.status === "waitlisted")).toHaveLength(3);
    const [confirmed] = await t.db
      .select({ n: count() })
      .from(registrations)
      .where(and(eq(registrations.consultationId, consultationId), eq(registrations.status, "confirmed")));
    expect(confirmed?.n).toBe(1);
  });

  it("enforces the deadline in the consultation's time zone (23:59 in Fiji is 11:59 UTC)", async () => {
    const deadline = zonedLocalToUtc("2017-11-01T23:59", "Pacific/Fiji");
    await t.db
      .update(consultations)
      .set({ registrationDeadline: deadline })
      .where(eq(consultations.id, consultationId));
    const o = await newOrg("late");
    // 12:30 UTC on 1 November: still 1 November in UTC, but already 2 November in Fiji.
    const late = await register(o.actor, o.orgId, [person("Sera")], new Date("2017-11-01T12:30:00Z")).catch(
      (e: unknown) => e,
    );
    expect(late).toBeInstanceOf(DomainError);
    expect((late as DomainError).code).toBe("registrationClosed");
    // Named one way everywhere: the city and its offset at the deadline.
    expect(String((late as DomainError).values.zone)).toBe("Nadi time (UTC+12)");
    expect((await register(o.actor, o.orgId, [person("Sera")], new Date("2017-11-01T11:00:00Z"))).status).toBe(
      "confirmed",
    );
  });

  it("refuses an edit made from a stale form", async () => {
    const o = await newOrg("stale");
    await register(o.actor, o.orgId, [person("Ana")]);
    await register(o.actor, o.orgId, [person("Ana"), person("Bea", "remote")], undefined, 1);
    const stale = await register(o.actor, o.orgId, [person("Ana")], undefined, 1).catch((e: unknown) => e);
    expect((stale as DomainError).code).toBe("staleRegistration");
  });

  it("anchors decide; confirming past capacity is refused", async () => {
    await t.db.update(consultations).set({ inPersonCapacity: 1 }).where(eq(consultations.id, consultationId));
    await t.db
      .insert((await import("@/db/schema")).roleGrants)
      .values({ userId: w.ids.anchorY, role: "anchor", consultationId });
    const anchor = (await loadActor(w.ids.anchorY))!;
    const p = await newOrg("p");
    const q = await newOrg("q");
    await register(p.actor, p.orgId, [person("Kofi")]);
    await register(q.actor, q.orgId, [person("Ola")]);
    const list = await listRegistrationsForModeration({ actor: anchor, consultationId, filters: { need: "visa" } });
    expect(list.rows).toHaveLength(2);
    expect(list.seatsTaken).toBe(1);
    const waiting = list.rows.find((r) => r.registration.status === "waitlisted")!;
    const holding = list.rows.find((r) => r.registration.status === "confirmed")!;
    const refused = await decideRegistration({
      actor: anchor,
      input: { registrationId: waiting.registration.id, version: waiting.registration.version, status: "confirmed" },
    }).catch((e: unknown) => e);
    expect((refused as DomainError).code).toBe("noSeatsLeft");
    await decideRegistration({
      actor: anchor,
      input: { registrationId: holding.registration.id, version: holding.registration.version, status: "declined" },
    });
    // The freed seat went to the waitlist.
    const after = await listRegistrationsForModeration({ actor: anchor, consultationId, filters: {} });
    expect(after.rows.find((r) => r.registration.id === waiting.registration.id)?.registration.status).toBe(
      "confirmed",
    );
  });

  it("shows participants to nobody outside the organisation, the consultation's anchors and the secretariat", async () => {
    const o = await newOrg("private");
    await register(o.actor, o.orgId, [person("Hidden")]);
    const outsider = await w.actor("memberB");
    const otherAnchor = await w.actor("anchorX"); // anchor of Asia, not of this consultation
    await expect(
      getOwnRegistration({ actor: outsider, consultationId, organisationId: o.orgId }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      listRegistrationsForModeration({ actor: otherAnchor, consultationId, filters: {} }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(participantsForExport({ actor: otherAnchor, consultationId }).next()).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const secretariat = await w.actor("secretariat");
    const rows = [];
    for await (const r of participantsForExport({ actor: secretariat, consultationId, batch: 1 })) rows.push(r);
    expect(rows.map((r) => r.participant.name)).toEqual(["Hidden"]);
  });

  it("lists an organisation's registrations with their status and participants, to its members only", async () => {
    const o = await newOrg("overview");
    expect(await listOwnRegistrations({ actor: o.actor, organisationId: o.orgId })).toEqual([]);
    await register(o.actor, o.orgId, [person("Awa"), person("Moussa", "remote")]);
    const rows = await listOwnRegistrations({ actor: o.actor, organisationId: o.orgId });
    expect(rows.map((r) => [r.consultationId, r.status, r.participants])).toEqual([[consultationId, "confirmed", 2]]);
    await expect(
      listOwnRegistrations({ actor: await w.actor("memberB"), organisationId: o.orgId }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
