import "server-only";
// A round's topics and their groups, as the secretariat keeps them: add, rename, move, regroup and
// delete a topic, add a group, import a whole list (the Compact's 23 objectives). Deleting,
// reordering and regrouping stop at the round's first input; renames and additions do not.
import { and, asc, count, eq, max } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { themeGroupTranslations, themeGroups, themeTranslations, themes, type Theme } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { publicDataChanged } from "@/lib/cache";
import { DomainError, NotFoundError } from "@/lib/errors";
import type {
  AddTopicGroupInput,
  AddTopicInput,
  DeleteTopicInput,
  GroupTopicInput,
  MoveTopicInput,
  RenameTopicInput,
} from "./schemas";
import { audit, changeRound, hasInputs, nameRows, nextTopicIds, type Names } from "./shared";

/** Deleting, reordering and regrouping topics: only until the round's first input (any status). */
async function assertTopicsOpen(tx: Tx, roundId: string): Promise<void> {
  if (await hasInputs(tx, roundId)) throw new DomainError("topicsLocked", 409);
}

async function topicOfRound(tx: Tx, roundId: string, topicId: number) {
  // Locked before the check for inputs: a submission that names the topic holds a share lock on it
  // (lib/consultations/themes.ts assertRoundTopics), so the two cannot pass each other.
  const [t] = await tx
    .select()
    .from(themes)
    .where(and(eq(themes.id, topicId), eq(themes.roundId, roundId)))
    .for("update");
  if (!t) throw new NotFoundError();
  return t;
}

async function groupOfRound(tx: Tx, roundId: string, groupId: string | null): Promise<string | null> {
  if (!groupId) return null;
  const [g] = await tx
    .select({ id: themeGroups.id })
    .from(themeGroups)
    .where(and(eq(themeGroups.id, groupId), eq(themeGroups.roundId, roundId)));
  if (!g) throw new DomainError("notFound", 404, {}, "groupId");
  return g.id;
}

/**
 * A change to one topic of a round (changeRound's rules); `reorders`: deleting, moving or regrouping,
 * which stop at the round's first input.
 */
async function changeTopic(
  actor: Actor,
  input: { roundId: string; version: number; topicId: number },
  reorders: boolean,
  change: (tx: Tx, roundId: string, t: Theme) => Promise<void>,
): Promise<void> {
  await changeRound(actor, input, async (tx, r) => {
    const t = await topicOfRound(tx, r.id, input.topicId);
    if (reorders) await assertTopicsOpen(tx, r.id);
    await change(tx, r.id, t);
    await publicDataChanged(tx);
  });
}

export async function addTopic({ actor, input }: { actor: Actor; input: AddTopicInput }): Promise<{ id: number }> {
  return changeRound(actor, input, async (tx, r) => {
    const groupId = await groupOfRound(tx, r.id, input.groupId);
    const [id] = await nextTopicIds(tx, 1);
    const [last] = await tx
      .select({ n: max(themes.position) })
      .from(themes)
      .where(eq(themes.roundId, r.id));
    await tx
      .insert(themes)
      .values({ id: id!, roundId: r.id, slug: `topic-${id}`, position: (last?.n ?? 0) + 1, groupId });
    await tx.insert(themeTranslations).values(nameRows("themeId", id!, input.names));
    await audit(tx, actor, r.id, "topic.add", `${id}: ${input.names.en}`);
    await publicDataChanged(tx);
    return { id: id! };
  });
}

/** Renaming is always allowed: inputs keep the topic's number, and read its new name. */
export async function renameTopic({ actor, input }: { actor: Actor; input: RenameTopicInput }): Promise<void> {
  await changeTopic(actor, input, false, async (tx, roundId, t) => {
    for (const row of nameRows("themeId", t.id, input.names)) {
      await tx
        .insert(themeTranslations)
        .values(row)
        .onConflictDoUpdate({ target: [themeTranslations.themeId, themeTranslations.locale], set: { name: row.name } });
    }
    await audit(tx, actor, roundId, "topic.rename", `${t.id}: ${input.names.en}`);
  });
}

export async function moveTopic({ actor, input }: { actor: Actor; input: MoveTopicInput }): Promise<void> {
  await changeTopic(actor, input, true, async (tx, roundId, t) => {
    const list = await tx
      .select({ id: themes.id })
      .from(themes)
      .where(eq(themes.roundId, roundId))
      .orderBy(asc(themes.position), asc(themes.id));
    const i = list.findIndex((row) => row.id === t.id);
    const j = input.direction === "up" ? i - 1 : i + 1;
    if (j >= 0 && j < list.length) [list[i], list[j]] = [list[j]!, list[i]!];
    for (const [k, row] of list.entries())
      await tx
        .update(themes)
        .set({ position: k + 1 })
        .where(eq(themes.id, row.id));
    await audit(tx, actor, roundId, "topic.move", `${t.id} ${input.direction}`);
  });
}

export async function groupTopic({ actor, input }: { actor: Actor; input: GroupTopicInput }): Promise<void> {
  await changeTopic(actor, input, true, async (tx, roundId, t) => {
    const groupId = await groupOfRound(tx, roundId, input.groupId);
    await tx.update(themes).set({ groupId }).where(eq(themes.id, t.id));
    await audit(tx, actor, roundId, "topic.group", `${t.id} → ${groupId ?? "none"}`);
  });
}

export async function deleteTopic({ actor, input }: { actor: Actor; input: DeleteTopicInput }): Promise<void> {
  await changeTopic(actor, input, true, async (tx, roundId, t) => {
    await tx.delete(themes).where(eq(themes.id, t.id));
    await audit(tx, actor, roundId, "topic.delete", `${t.id}: ${t.slug}`);
  });
}

/** A heading over topics (a round table of the review). An addition: allowed at any time. */
export async function addTopicGroup({
  actor,
  input,
}: {
  actor: Actor;
  input: AddTopicGroupInput;
}): Promise<{ id: string }> {
  return changeRound(actor, input, async (tx, r) => {
    const [last] = await tx
      .select({ n: max(themeGroups.position) })
      .from(themeGroups)
      .where(eq(themeGroups.roundId, r.id));
    const [g] = await tx
      .insert(themeGroups)
      .values({ roundId: r.id, position: (last?.n ?? 0) + 1 })
      .returning({ id: themeGroups.id });
    await tx.insert(themeGroupTranslations).values(nameRows("groupId", g!.id, input.names));
    await audit(tx, actor, r.id, "topicGroup.add", input.names.en);
    await publicDataChanged(tx);
    return { id: g!.id };
  });
}

/**
 * Seeds a round's topics from a list (the Compact's 23 objectives from db/source, for instance) in
 * one transaction, groups first. Only before the round's first input, and only into a round without
 * topics.
 */
export async function importTopics({
  actor,
  roundId,
  version,
  groups,
  topics,
}: {
  actor: Actor;
  roundId: string;
  version: number;
  groups: { key: string; names: Names }[];
  topics: { slug: string; group?: string; names: Names }[];
}): Promise<void> {
  await changeRound(actor, { roundId, version }, async (tx, r) => {
    await assertTopicsOpen(tx, r.id);
    const [existing] = await tx.select({ n: count() }).from(themes).where(eq(themes.roundId, r.id));
    if ((existing?.n ?? 0) > 0) throw new DomainError("topicsNotEmpty", 409);
    const groupIds = new Map<string, string>();
    for (const [i, g] of groups.entries()) {
      const [row] = await tx
        .insert(themeGroups)
        .values({ roundId: r.id, position: i + 1 })
        .returning({ id: themeGroups.id });
      groupIds.set(g.key, row!.id);
      await tx.insert(themeGroupTranslations).values(nameRows("groupId", row!.id, g.names));
    }
    const ids = await nextTopicIds(tx, topics.length);
    for (const [i, t] of topics.entries()) {
      await tx.insert(themes).values({
        id: ids[i]!,
        roundId: r.id,
        slug: t.slug,
        position: i + 1,
        groupId: t.group ? (groupIds.get(t.group) ?? null) : null,
      });
      await tx.insert(themeTranslations).values(nameRows("themeId", ids[i]!, t.names));
    }
    await audit(tx, actor, r.id, "topic.import", `${topics.length} topics`);
    await publicDataChanged(tx);
  });
}

/**
 * Loads the Compact's 23 objectives (lib/rounds/gcm-objectives.ts) into an empty round as its topics,
 * in the Compact's order, each under its round table: importTopics' rules apply.
 */
export async function importGcmObjectives({
  actor,
  roundId,
  version,
}: {
  actor: Actor;
  roundId: string;
  version: number;
}): Promise<void> {
  const { gcmObjectives, gcmRoundTables } = await import("./gcm-objectives");
  await importTopics({
    actor,
    roundId,
    version,
    groups: gcmRoundTables.map((g) => ({ key: g.key, names: g.names })),
    topics: gcmObjectives.map((o) => ({
      slug: `objective-${o.number}`,
      group: gcmRoundTables.find((g) => g.objectives.includes(o.number))?.key,
      names: o.names,
    })),
  });
}
