import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../testing/test-db";
import { claimNextJob } from "./claim-next-job";
import { localGradingQueue } from "./local-queue";
import { requeueForRegrade } from "./requeue-for-regrade";

let t: TestDb;
let userId = "";
beforeAll(async () => {
  t = await createTestDb();
  userId = (await t.db.user.create({ data: { email: "s@example.com", displayName: "s", passwordHash: "x" } })).id;
  await t.db.exercise.create({
    data: {
      id: "ex",
      slug: "ex",
      title: "Ex",
      chapter: 1,
      difficulty: "easy",
      points: 10,
      tags: "[]",
      summary: "",
      statementMd: "",
      starterCode: "",
    },
  });
});
afterAll(async () => {
  await t.dispose();
});

describe("requeueForRegrade", () => {
  it("puts finished submissions back in line through enqueue, keeping what they had", async () => {
    const done = await t.db.submission.create({
      data: { userId, exerciseId: "ex", code: "a", status: "done", attempts: 2, enqueuedAt: new Date(), workerId: "w" },
    });
    await t.db.gradingResult.create({
      data: { submissionId: done.id, verdict: "race", score: 3, maxScore: 10, reportJson: "{}" },
    });
    const failed = await t.db.submission.create({
      data: { userId, exerciseId: "ex", code: "b", status: "failed", error: "grader crashed", enqueuedAt: new Date() },
    });
    const running = await t.db.submission.create({
      data: { userId, exerciseId: "ex", code: "c", status: "running", enqueuedAt: new Date() },
    });

    const reset = await requeueForRegrade([done.id, failed.id, running.id, "no-such-id"], userId, { db: t.db });
    expect(reset).toEqual([done.id, failed.id]);
    expect(await t.db.submission.findUniqueOrThrow({ where: { id: done.id } })).toMatchObject({
      status: "queued",
      enqueuedAt: null,
      attempts: 0,
      workerId: null,
      error: null,
    });
    expect(await t.db.submission.findUniqueOrThrow({ where: { id: running.id } })).toMatchObject({ status: "running" });
    const history = await t.db.regrade.findMany({ orderBy: { previousVerdict: { sort: "asc", nulls: "first" } } });
    expect(history.map((r) => [r.submissionId, r.previousVerdict, r.previousScore])).toEqual([
      [failed.id, null, null],
      [done.id, "race", 3],
    ]);

    // Not claimable until enqueued (the caller's GradingQueue.enqueue), then claimed like any job.
    await t.db.submission.update({ where: { id: running.id }, data: { status: "done" } });
    expect(await claimNextJob("w1", { db: t.db })).toBeNull();
    expect(await localGradingQueue(t.db).enqueue(done.id)).toBe("enqueued");
    expect((await claimNextJob("w1", { db: t.db }))?.submissionId).toBe(done.id);
    // Asking again while it is being graded changes nothing.
    expect(await requeueForRegrade([done.id], userId, { db: t.db })).toEqual([]);
    expect(await t.db.regrade.count()).toBe(2);
  });
});
