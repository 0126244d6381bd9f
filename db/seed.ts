// Idempotent seed: inserts what is missing and never overwrites (the secretariat's edits to a
// consultation survive a restart). Seeding twice changes nothing.
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "./open";
import {
  consultations,
  memberships,
  organisations,
  roleGrants,
  roundTranslations,
  rounds,
  themeTranslations,
  themes,
  users,
  type Locale,
} from "./schema";
import {
  demoAnchorEmail,
  demoOrganisation,
  demoOwnerEmail,
  demoSecretariatEmail,
  seedConsultations,
  seedRound,
  seedThemes,
} from "./seed-data";

export interface SeedOptions {
  demoAccounts?: boolean;
}

export async function seed(db: Db, opts: SeedOptions = {}): Promise<void> {
  await db.transaction(async (tx) => {
    const { names, ...round } = seedRound;
    await tx.insert(rounds).values(round).onConflictDoNothing({ target: rounds.slug });
    const [r] = await tx.select({ id: rounds.id }).from(rounds).where(eq(rounds.slug, round.slug));
    if (!r) throw new Error("seed: round 2017 missing");
    await tx
      .insert(roundTranslations)
      .values((Object.entries(names) as [Locale, string][]).map(([locale, name]) => ({ roundId: r.id, locale, name })))
      .onConflictDoNothing();
    await tx
      .insert(consultations)
      .values(seedConsultations.map((c, i) => ({ ...c, roundId: r.id, sortOrder: i + 1 })))
      .onConflictDoNothing({ target: consultations.slug });
    await tx
      .insert(themes)
      .values(seedThemes.map(({ id, slug }) => ({ id, slug, roundId: r.id, position: id })))
      .onConflictDoNothing();
    await tx
      .insert(themeTranslations)
      .values(
        seedThemes.flatMap((t) =>
          (Object.entries(t.names) as [Locale, string][]).map(([locale, name]) => ({ themeId: t.id, locale, name })),
        ),
      )
      .onConflictDoNothing();
  });
  if (opts.demoAccounts) await seedDemoAccounts(db);
}

async function ensureUser(db: Db, email: string, name: string): Promise<string> {
  await db.insert(users).values({ email, name, emailVerified: new Date() }).onConflictDoNothing();
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!row) throw new Error(`seed: user ${email} missing`);
  return row.id;
}

async function seedDemoAccounts(db: Db): Promise<void> {
  const ownerId = await ensureUser(db, demoOwnerEmail, "Demo Owner");
  const owned = await db
    .select({ id: memberships.organisationId })
    .from(memberships)
    .where(and(eq(memberships.userId, ownerId), eq(memberships.role, "owner")));
  if (owned.length === 0) {
    await db.transaction(async (tx) => {
      const [org] = await tx.insert(organisations).values(demoOrganisation).returning({ id: organisations.id });
      if (!org) throw new Error("seed: organisation not created");
      await tx.insert(memberships).values({ organisationId: org.id, userId: ownerId, role: "owner" });
    });
  }

  const secretariatId = await ensureUser(db, demoSecretariatEmail, "Demo Secretariat");
  const existing = await db
    .select({ id: roleGrants.id })
    .from(roleGrants)
    .where(
      and(eq(roleGrants.userId, secretariatId), eq(roleGrants.role, "secretariat"), isNull(roleGrants.consultationId)),
    );
  if (existing.length === 0) {
    await db.insert(roleGrants).values({ userId: secretariatId, role: "secretariat" }).onConflictDoNothing();
  }

  const all = await db.select({ id: consultations.id, slug: consultations.slug }).from(consultations);
  for (const c of all) {
    const anchorId = await ensureUser(db, demoAnchorEmail(c.slug), `Demo Anchor (${c.slug})`);
    await db
      .insert(roleGrants)
      .values({ userId: anchorId, role: "anchor", consultationId: c.id })
      .onConflictDoNothing();
  }
}
