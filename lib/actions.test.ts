// The action pipeline when the database is unreachable: a clear, translated answer that keeps what
// was typed (never a crash, never "signed out"); and the session lookup behind getActor's fallback.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as z from "zod/mini";
// Aliased: the name starts with "use", which the React hooks lint rule would take for a hook.
import { useDatabaseForTests as installDatabase } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { ACTION_DEPS, formAction, type ActionDeps } from "@/lib/actions";
import { sessionActor } from "@/lib/auth/actor";
import { isDatabaseUnavailable } from "@/lib/errors";
import { createTestDatabase, drivers, type TestDatabase } from "@/lib/testing/db";

const refused = () =>
  Object.assign(new Error("Failed query: select 1"), {
    cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
  });

function withDeps(deps: ActionDeps) {
  (globalThis as Record<symbol, unknown>)[ACTION_DEPS] = deps;
}
const base: Omit<ActionDeps, "getActor"> = {
  getLocale: async () => "en",
  getTranslations: async () => (key: string) => key,
};
const actor = {
  userId: "u",
  email: "u@example.net",
  name: null,
  locale: "en" as const,
  memberships: [],
  anchorOf: [],
  secretariat: false,
};

describe("action pipeline with the database away", () => {
  afterAll(() => {
    delete (globalThis as Record<symbol, unknown>)[ACTION_DEPS];
  });
  const action = formAction({
    schema: z.object({ title: z.string().check(z.minLength(1)) }),
    run: async () => {
      throw Object.assign(new Error("write CONNECTION_CLOSED 127.0.0.1:5432"), { code: "CONNECTION_CLOSED" });
    },
  });
  const fd = () => {
    const f = new FormData();
    f.set("title", "What I typed");
    return f;
  };

  it("answers 'unavailable' with the typed values when the session cannot be read", async () => {
    withDeps({ ...base, getActor: async () => Promise.reject(refused()) });
    const r = await action({ status: "idle" }, fd());
    expect(r).toEqual({ status: "error", message: "unavailable", values: { title: "What I typed" } });
  });

  it("answers 'unavailable' (send again) when the connection drops during the work", async () => {
    withDeps({ ...base, getActor: async () => actor });
    const r = await action({ status: "idle" }, fd());
    expect(r).toMatchObject({ status: "error", message: "unavailable", values: { title: "What I typed" } });
  });

  it("still lets other failures through as they were", async () => {
    withDeps({ ...base, getActor: async () => Promise.reject(new Error("bug")) });
    await expect(action({ status: "idle" }, fd())).rejects.toThrow("bug");
  });

  it("recognises connection failures, and only those", () => {
    expect(isDatabaseUnavailable(refused())).toBe(true);
    expect(isDatabaseUnavailable({ code: "57P01" })).toBe(true);
    expect(isDatabaseUnavailable({ code: "08006" })).toBe(true);
    expect(isDatabaseUnavailable({ code: "23505" })).toBe(false);
    expect(isDatabaseUnavailable(new Error("x"))).toBe(false);
  });
});

describe.each(drivers)("sessionActor (%s)", (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(driver);
    installDatabase(t);
  });
  afterAll(async () => t?.close());

  it("finds the user of an unexpired session only", async () => {
    const [u] = await t.db
      .insert(users)
      .values({ email: `s-${randomBytes(4).toString("hex")}@example.net` })
      .returning({ id: users.id });
    const live = randomBytes(16).toString("hex");
    const old = randomBytes(16).toString("hex");
    await t.db.insert(sessions).values([
      { sessionToken: live, userId: u!.id, expires: new Date(Date.now() + 60_000) },
      { sessionToken: old, userId: u!.id, expires: new Date(Date.now() - 60_000) },
    ]);
    const maxAge = 30 * 24 * 3600 * 1000;
    expect((await sessionActor(live, maxAge))?.userId).toBe(u!.id);
    expect(await sessionActor(old, maxAge)).toBeNull();
    expect(await sessionActor("nope", maxAge)).toBeNull();
  });
});
