// Actors for authorisation tests: organisation A (owner, member; registered in consultation X),
// organisation B (owner, member; active nowhere), an anchor of X, an anchor of Y, the secretariat.
import { eq } from "drizzle-orm";
import { useDatabaseForTests, type Db } from "@/db/client";
import { consultations, memberships, organisations, registrations, roleGrants, users } from "@/db/schema";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { createTestDatabase, type Driver, type TestDatabase } from "./db";

export interface World {
  orgA: string;
  orgB: string;
  consultationX: string;
  consultationY: string;
  ids: Record<ActorName, string>;
  actor(name: ActorName): Promise<Actor>;
}

export const actorNames = ["memberA", "ownerA", "memberB", "ownerB", "anchorX", "anchorY", "secretariat"] as const;
export type ActorName = (typeof actorNames)[number];

const org = (name: string) => ({
  name,
  country: "FJ",
  type: "ngo" as const,
  contactEmail: `${name.toLowerCase().replace(/\s/g, "")}@example.net`,
  workingLanguages: ["en"],
});

export async function buildWorld(db: Db, tag = Math.random().toString(36).slice(2, 8)): Promise<World> {
  const ids = {} as Record<ActorName, string>;
  for (const n of actorNames) {
    const [u] = await db
      .insert(users)
      .values({ email: `${n.toLowerCase()}-${tag}@example.net`, name: n })
      .returning({ id: users.id });
    ids[n] = u!.id;
  }
  const [x] = await db.select().from(consultations).where(eq(consultations.slug, "asia"));
  const [y] = await db.select().from(consultations).where(eq(consultations.slug, "mena"));
  const [a] = await db
    .insert(organisations)
    .values(org(`Org A ${tag}`))
    .returning({ id: organisations.id });
  const [b] = await db
    .insert(organisations)
    .values(org(`Org B ${tag}`))
    .returning({ id: organisations.id });
  await db.insert(memberships).values([
    { organisationId: a!.id, userId: ids.ownerA, role: "owner" },
    { organisationId: a!.id, userId: ids.memberA, role: "member" },
    { organisationId: b!.id, userId: ids.ownerB, role: "owner" },
    { organisationId: b!.id, userId: ids.memberB, role: "member" },
  ]);
  await db.insert(roleGrants).values([
    { userId: ids.anchorX, role: "anchor", consultationId: x!.id },
    { userId: ids.anchorY, role: "anchor", consultationId: y!.id },
    { userId: ids.secretariat, role: "secretariat" },
  ]);
  await db.insert(registrations).values({ consultationId: x!.id, organisationId: a!.id, consentAt: new Date() });
  return {
    orgA: a!.id,
    orgB: b!.id,
    consultationX: x!.id,
    consultationY: y!.id,
    ids,
    actor: async (name) => (await loadActor(ids[name]))!,
  };
}

/** A fresh test database, given to lib/ (useDatabaseForTests), with the world built in it. */
export async function openWorld(driver: Driver): Promise<{ t: TestDatabase; w: World }> {
  const t = await createTestDatabase(driver);
  // db/client's function, not a React hook: the rule goes by its name.
  // eslint-disable-next-line react-hooks/rules-of-hooks
  useDatabaseForTests(t);
  return { t, w: await buildWorld(t.db) };
}
