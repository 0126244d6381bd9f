// PARTICIPANT_RETENTION_DAYS: participants' personal fields are emptied once their consultation
// ended more than that many days ago; other consultations' participants are untouched; running the
// purge again (another instance, the next tick) changes nothing.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { participants, registrations } from "@/db/schema";
import { drivers, type TestDatabase } from "@/lib/testing/db";
import { openWorld, type World } from "@/lib/testing/fixtures";
import { saveRegistration } from "./index";
import { purgeExpiredParticipants } from "./retention";

const person = (name: string) => ({
  name,
  title: "Coordinator",
  email: `${name.toLowerCase()}@example.net`,
  attendance: "in_person" as const,
  visaLetter: true,
  nationality: "SN" as const,
  accessibility: "Step-free access",
  interpretationLanguage: "français",
  dietary: "Vegetarian",
  travelSupport: true,
  travelSupportReason: "No travel budget",
});

describe.each(drivers)("participant retention on %s", (driver) => {
  let t: TestDatabase;
  let w: World;
  beforeAll(async () => {
    ({ t, w } = await openWorld(driver));
    // Asia (X) ends on 2017-08-05 in the seed; Y (MENA) is another consultation.
    for (const [consultationId, name] of [
      [w.consultationX, "Aminata"],
      [w.consultationY, "Jorge"],
    ] as const) {
      await t.db.delete(registrations).where(eq(registrations.consultationId, consultationId));
      await saveRegistration({
        actor: await w.actor("ownerA"),
        input: { consultationId, organisationId: w.orgA, version: 0, consent: true, participants: [person(name)] },
        now: new Date("2017-07-01T00:00:00Z"),
      });
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  const participantOf = async (consultationId: string) => {
    const [row] = await t.db
      .select({ p: participants })
      .from(participants)
      .innerJoin(registrations, eq(registrations.id, participants.registrationId))
      .where(eq(registrations.consultationId, consultationId));
    return row!.p;
  };

  const plusDays = (isoDate: string, days: number) =>
    new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

  it("keeps everything until the period after the end date has passed", async () => {
    const [x] = await t.db.query.consultations.findMany({ where: (c, { eq: e }) => e(c.id, w.consultationX) });
    // Ends 2017-08-05, 30 days: kept through 2017-09-04.
    expect(await purgeExpiredParticipants({ retentionDays: 30, today: plusDays(x!.endsOn, 30) })).toBe(0);
    expect((await participantOf(w.consultationX)).name).toBe("Aminata");
  });

  it("empties the personal fields after it, once, and only for that consultation", async () => {
    const [x] = await t.db.query.consultations.findMany({ where: (c, { eq: e }) => e(c.id, w.consultationX) });
    const [y] = await t.db.query.consultations.findMany({ where: (c, { eq: e }) => e(c.id, w.consultationY) });
    // A day on which X's period (30 days) has passed and Y's has not.
    const today = plusDays(x!.endsOn, 31);
    expect(today < plusDays(y!.endsOn, 31), "the seed's X must end before Y").toBe(true);
    expect(await purgeExpiredParticipants({ retentionDays: 30, today })).toBe(1);
    const purged = await participantOf(w.consultationX);
    expect(purged).toMatchObject({
      name: "",
      email: "",
      title: null,
      nationality: null,
      accessibility: null,
      interpretationLanguage: null,
      dietary: null,
      travelSupportReason: null,
    });
    // What remains is not personal: attendance and the support asked, for the counts.
    expect(purged).toMatchObject({ attendance: "in_person", visaLetter: true, travelSupport: true });
    expect((await participantOf(w.consultationY)).name).toBe("Jorge");
    // Idempotent: a second run (or a second instance) finds nothing to do.
    expect(await purgeExpiredParticipants({ retentionDays: 30, today })).toBe(0);
    await Promise.all([
      purgeExpiredParticipants({ retentionDays: 30, today }),
      purgeExpiredParticipants({ retentionDays: 30, today }),
    ]);
    expect((await participantOf(w.consultationY)).email).toBe("jorge@example.net");
  });
});
