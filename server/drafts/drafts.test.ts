import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isAppError } from "../errors";
import { MAX_CODE_BYTES } from "../submissions/submit-solution.schema";
import { createTestDb, type TestDb } from "../testing/test-db";
import { getDraft } from "./get-draft";
import { saveDraft } from "./save-draft";

let t: TestDb;
const users = { ada: "", bob: "" };
beforeAll(async () => {
  t = await createTestDb();
  for (const name of ["ada", "bob"] as const) {
    const user = await t.db.user.create({
      data: { email: `${name}@example.com`, displayName: name, passwordHash: "x" },
    });
    users[name] = user.id;
  }
  const fields = {
    chapter: 3,
    difficulty: "easy",
    points: 10,
    tags: "[]",
    summary: "",
    statementMd: "",
    starterCode: "",
  };
  await t.db.exercise.create({ data: { id: "ex-a", slug: "a", title: "A", ...fields } });
  await t.db.exercise.create({ data: { id: "ex-b", slug: "b", title: "B", ...fields } });
});
afterAll(async () => {
  await t.dispose();
});
beforeEach(async () => {
  await t.db.draft.deleteMany();
});

async function rejection(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

describe("drafts", () => {
  it("saves a draft and overwrites it on the next save", async () => {
    await saveDraft(users.ada, { slug: "a", code: "first" }, { db: t.db });
    const { savedAt } = await saveDraft(users.ada, { slug: "a", code: "second" }, { db: t.db });
    expect(await getDraft(users.ada, "ex-a", { db: t.db })).toEqual({ code: "second", savedAt });
    expect(await t.db.draft.count()).toBe(1);
  });

  it("keeps each user's draft of each exercise apart", async () => {
    await saveDraft(users.ada, { slug: "a", code: "ada's a" }, { db: t.db });
    await saveDraft(users.ada, { slug: "b", code: "ada's b" }, { db: t.db });
    await saveDraft(users.bob, { slug: "a", code: "bob's a" }, { db: t.db });
    expect((await getDraft(users.ada, "ex-a", { db: t.db }))?.code).toBe("ada's a");
    expect((await getDraft(users.ada, "ex-b", { db: t.db }))?.code).toBe("ada's b");
    expect((await getDraft(users.bob, "ex-a", { db: t.db }))?.code).toBe("bob's a");
    expect(await getDraft(users.bob, "ex-b", { db: t.db })).toBeNull();
  });

  it("accepts an empty draft (the student cleared the editor)", async () => {
    await saveDraft(users.ada, { slug: "a", code: "" }, { db: t.db });
    expect((await getDraft(users.ada, "ex-a", { db: t.db }))?.code).toBe("");
  });

  it("accepts exactly 100 KB and refuses one byte more, naming the limit", async () => {
    await saveDraft(users.ada, { slug: "a", code: "x".repeat(MAX_CODE_BYTES) }, { db: t.db });
    const error = await rejection(
      saveDraft(users.ada, { slug: "a", code: "y".repeat(MAX_CODE_BYTES + 1) }, { db: t.db }),
    );
    expect(isAppError(error) && error.code).toBe("validation-failed");
    expect(isAppError(error) && error.fieldErrors.code?.[0]).toMatch(/100 KB/);
    expect((await getDraft(users.ada, "ex-a", { db: t.db }))?.code).toBe("x".repeat(MAX_CODE_BYTES));
  });

  it("refuses an unknown exercise and a malformed input", async () => {
    const unknown = await rejection(saveDraft(users.ada, { slug: "nope", code: "x" }, { db: t.db }));
    expect(isAppError(unknown) && unknown.code).toBe("not-found");
    const malformed = await rejection(saveDraft(users.ada, { slug: "a", code: 42 }, { db: t.db }));
    expect(isAppError(malformed) && malformed.code).toBe("validation-failed");
    expect(await t.db.draft.count()).toBe(0);
  });
});
