// Issue 14, "you are the scheduler": the ScheduleStep table — who may ask (only the owner of the
// submission), at most one waiting step per user, the claim's lease rules. The worker's side:
// server/grading/run-next-schedule-step.test.ts.

import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { applyCatalogue } from "../grading/apply-catalogue";
import { createTestDb, type TestDb } from "../testing/test-db";
import { claimNextScheduleStep, MAX_STEP_ATTEMPTS } from "./claim-next-schedule-step";
import { getScheduleStep } from "./get-schedule-step";
import { KEEP_PER_USER, requestScheduleStep } from "./request-schedule-step";

const EXERCISES = path.resolve("exercises");
const NO_LOCK = readFileSync(path.join(EXERCISES, "shared-counter/mutants/no-lock.ts"), "utf8");

let t: TestDb;
let alice: string;
let bob: string;
let submissionId: string;
beforeAll(async () => {
  t = await createTestDb();
  const make = (email: string) => t.db.user.create({ data: { email, displayName: email, passwordHash: "x" } });
  alice = (await make("alice@example.com")).id;
  bob = (await make("bob@example.com")).id;
  await applyCatalogue(
    [
      {
        manifest: {
          id: "ch03-shared-counter",
          slug: "shared-counter",
          title: "Shared counter",
          chapter: 3,
          difficulty: "easy",
          points: 100,
          tags: [],
          summary: "s",
        },
        statement: "# s",
        starter: "",
      },
    ],
    { archiveMissing: false, db: t.db },
  );
  submissionId = (
    await t.db.submission.create({
      data: { userId: alice, exerciseId: "ch03-shared-counter", code: NO_LOCK, status: "done" },
    })
  ).id;
});
afterAll(async () => {
  await t.dispose();
});
beforeEach(async () => {
  await t.db.scheduleStep.deleteMany();
});

describe("requestScheduleStep", () => {
  it("stores the owner's request; another user's submission reads as missing", async () => {
    const { id } = await requestScheduleStep(
      alice,
      { submissionId, checkId: "two-threads", decisions: "0,1,1" },
      { db: t.db },
    );
    expect(await t.db.scheduleStep.findUnique({ where: { id } })).toMatchObject({
      userId: alice,
      decisions: "0,1,1",
      status: "queued",
    });
    await expect(
      requestScheduleStep(bob, { submissionId, checkId: "two-threads", decisions: "0" }, { db: t.db }),
    ).rejects.toMatchObject({ code: "not-found" });
    await expect(
      requestScheduleStep(alice, { submissionId, checkId: "two-threads", decisions: "0,x" }, { db: t.db }),
    ).rejects.toMatchObject({ code: "validation-failed" });
  });

  it("keeps at most one waiting step per user, and prunes old finished ones", async () => {
    const first = await requestScheduleStep(
      alice,
      { submissionId, checkId: "two-threads", decisions: "0" },
      { db: t.db },
    );
    const second = await requestScheduleStep(
      alice,
      { submissionId, checkId: "two-threads", decisions: "0,1" },
      { db: t.db },
    );
    const waiting = await t.db.scheduleStep.findMany({ where: { userId: alice, status: "queued" } });
    expect(waiting.map((r) => r.id)).toEqual([second.id]);
    expect(first.id).not.toBe(second.id);
    await t.db.scheduleStep.createMany({
      data: Array.from({ length: KEEP_PER_USER + 5 }, () => ({
        userId: alice,
        submissionId,
        checkId: "two-threads",
        decisions: "",
        status: "done",
      })),
    });
    await requestScheduleStep(alice, { submissionId, checkId: "two-threads", decisions: "" }, { db: t.db });
    expect(await t.db.scheduleStep.count({ where: { userId: alice } })).toBe(KEEP_PER_USER);
  });
});

describe("claimNextScheduleStep", () => {
  it("claims each step once; a step whose lease ran out is claimed again, then given up", async () => {
    const { id } = await requestScheduleStep(
      alice,
      { submissionId, checkId: "two-threads", decisions: "0" },
      { db: t.db },
    );
    const now = new Date();
    expect(await claimNextScheduleStep("w1", { db: t.db, now, leaseMs: 1_000 })).toMatchObject({ id, decisions: "0" });
    expect(await claimNextScheduleStep("w2", { db: t.db, now, leaseMs: 1_000 })).toBeNull();
    let later = new Date(now.getTime() + 2_000);
    for (let i = 1; i < MAX_STEP_ATTEMPTS; i++) {
      expect(await claimNextScheduleStep("w2", { db: t.db, now: later, leaseMs: 1_000 })).toMatchObject({ id });
      later = new Date(later.getTime() + 2_000);
    }
    expect(await claimNextScheduleStep("w3", { db: t.db, now: later, leaseMs: 1_000 })).toBeNull();
    expect(await t.db.scheduleStep.findUnique({ where: { id } })).toMatchObject({ status: "failed" });
  });
});

describe("getScheduleStep", () => {
  it("shows a step to its owner only, with the stored state once done", async () => {
    const { id } = await requestScheduleStep(
      alice,
      { submissionId, checkId: "two-threads", decisions: "" },
      { db: t.db },
    );
    expect(await getScheduleStep(alice, id, { db: t.db })).toEqual({ status: "queued" });
    await t.db.scheduleStep.update({
      where: { id },
      data: { status: "done", resultJson: JSON.stringify({ decisions: [], runnable: [0] }) },
    });
    // Not a step's state (another version wrote it, say): refused, not shown half-read.
    expect(await getScheduleStep(alice, id, { db: t.db })).toMatchObject({ status: "failed" });
    const state = {
      decisions: [],
      threadNames: ["MainThread"],
      finished: false,
      outcome: null,
      verdict: null,
      runnable: [0],
      threads: [{ id: 0, name: "MainThread", state: "runnable", op: "start" }],
      shared: [],
      trace: [],
    };
    await t.db.scheduleStep.update({ where: { id }, data: { resultJson: JSON.stringify(state) } });
    expect(await getScheduleStep(alice, id, { db: t.db })).toMatchObject({ status: "done", state: { runnable: [0] } });
    expect(await getScheduleStep(bob, id, { db: t.db })).toBeNull();
    expect(await getScheduleStep(alice, "missing", { db: t.db })).toBeNull();
  });
});
