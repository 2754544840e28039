import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../testing/test-db";
import { getSubmissionForViewer } from "./get-submission";
import { gradingDelay, QUEUED_TOO_LONG_MS } from "./grading-delay";

let t: TestDb;
let userId = "";
const NOW = new Date("2026-12-03T10:00:00Z");
const ago = (ms: number) => new Date(NOW.getTime() - ms);

beforeAll(async () => {
  t = await createTestDb();
  userId = (await t.db.user.create({ data: { email: "s@example.com", displayName: "s", passwordHash: "x" } })).id;
  await t.db.exercise.create({
    data: {
      id: "ex",
      slug: "ex",
      title: "Ex",
      chapter: 3,
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
beforeEach(async () => {
  await t.db.submission.deleteMany();
});

async function queued(waitedMs: number) {
  return t.db.submission.create({
    data: { userId, exerciseId: "ex", code: "x", createdAt: ago(waitedMs), enqueuedAt: ago(waitedMs) },
  });
}

describe("gradingDelay", () => {
  it("says nothing while a submission has waited a short while", async () => {
    const row = await queued(QUEUED_TOO_LONG_MS - 1_000);
    expect(await gradingDelay(row, { db: t.db, now: NOW })).toBeNull();
  });

  it("says nothing about a submission being graded or graded already", async () => {
    const row = await queued(10 * QUEUED_TOO_LONG_MS);
    expect(await gradingDelay({ ...row, status: "running" }, { db: t.db, now: NOW })).toBeNull();
    expect(await gradingDelay({ ...row, status: "done" }, { db: t.db, now: NOW })).toBeNull();
  });

  it("reports no grader running when nothing was claimed, renewed or finished for that long", async () => {
    const earlier = await queued(3 * QUEUED_TOO_LONG_MS);
    const row = await queued(2 * QUEUED_TOO_LONG_MS);
    // A grader that finished a job long ago and stopped since is no grader.
    await t.db.submission.create({
      data: { userId, exerciseId: "ex", code: "x", status: "done", claimedAt: ago(9e6), finishedAt: ago(9e6) },
    });
    expect(await gradingDelay(row, { db: t.db, now: NOW })).toEqual({
      reason: "no-worker",
      waitingSeconds: (2 * QUEUED_TOO_LONG_MS) / 1000,
      ahead: 1,
    });
    expect((await gradingDelay(earlier, { db: t.db, now: NOW }))?.ahead).toBe(0);
  });

  it("reports a busy queue, not a missing grader, while a grader holds a live lease", async () => {
    const row = await queued(2 * QUEUED_TOO_LONG_MS);
    await t.db.submission.create({
      data: {
        userId,
        exerciseId: "ex",
        code: "x",
        status: "running",
        claimedAt: ago(5 * QUEUED_TOO_LONG_MS),
        leaseExpiresAt: new Date(NOW.getTime() + 10_000),
      },
    });
    expect((await gradingDelay(row, { db: t.db, now: NOW }))?.reason).toBe("busy");
  });

  it("reports a busy queue when a grader finished a job a moment ago", async () => {
    const row = await queued(2 * QUEUED_TOO_LONG_MS);
    await t.db.submission.create({
      data: { userId, exerciseId: "ex", code: "x", status: "done", claimedAt: ago(9e6), finishedAt: ago(1_000) },
    });
    expect((await gradingDelay(row, { db: t.db, now: NOW }))?.reason).toBe("busy");
  });

  it("is part of the submission its owner reads", async () => {
    const row = await queued(10 * QUEUED_TOO_LONG_MS);
    const view = await getSubmissionForViewer(row.id, { id: userId, role: "student" }, t.db);
    expect(view?.delay?.reason).toBe("no-worker");
  });
});
