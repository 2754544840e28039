// Issue 14, break-it levels: "Play the scheduler" on an exercise's target (no submission), the
// step job run by the worker on the real runtime, and "Submit this schedule" turning the played
// decisions into the harness's schedule, an ordinary submission.

import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SandboxPool } from "../../grader/index";
import { getScheduleStep } from "../play/get-schedule-step";
import { requestTargetStep } from "../play/request-target-step";
import { submitPlayedSchedule } from "../play/submit-played-schedule";
import { createTestDb, type TestDb } from "../testing/test-db";
import { applyCatalogue } from "./apply-catalogue";
import { runNextScheduleStep } from "./run-next-schedule-step";

const EXERCISES = path.resolve("exercises");
// break-the-increment's reference [0, 1, 1, 1, 1, 0, 1, 0, 0, 0, 0, 1] as runtime decisions:
// main joins (0), thread 0 starts (1) and reads, thread 1 starts (2) and runs four lines, ...
const PLAYED = [0, 1, 1, 2, 2, 2, 2, 2, 1, 2, 1, 1, 1, 1, 0, 2];

let t: TestDb;
let alice: string;
let bob: string;
let pool: SandboxPool;
const manifest = (id: string, slug: string) => ({
  manifest: { id, slug, title: slug, chapter: 3, difficulty: "intro" as const, points: 100, tags: [], summary: "s" },
  statement: "# s",
  starter: "export const schedule: number[] = [];",
});
beforeAll(async () => {
  t = await createTestDb();
  const make = (email: string) => t.db.user.create({ data: { email, displayName: email, passwordHash: "x" } });
  alice = (await make("alice@example.com")).id;
  bob = (await make("bob@example.com")).id;
  await applyCatalogue(
    [manifest("ch03-break-the-increment", "break-the-increment"), manifest("ch03-shared-counter", "shared-counter")],
    { archiveMissing: false, db: t.db },
  );
  pool = new SandboxPool({ size: 1, taskTimeoutMs: 60_000 });
});
afterAll(async () => {
  await pool.close();
  await t.dispose();
});
beforeEach(async () => {
  await t.db.scheduleStep.deleteMany();
});

const work = () => runNextScheduleStep({ db: t.db, pool, workerId: "w", exercisesDir: EXERCISES });

describe("a break-it target, played", () => {
  it("is played from an empty schedule: main and both threads can run, nothing shared yet", async () => {
    const { id } = await requestTargetStep(
      alice,
      { slug: "break-the-increment", decisions: "" },
      { db: t.db, exercisesDir: EXERCISES },
    );
    expect(await work()).toBe(true);
    const view = await getScheduleStep(alice, id, { db: t.db });
    expect(view?.status).toBe("done");
    if (view?.status !== "done") return;
    expect(view.state.threadNames).toEqual(["MainThread", "thread 0", "thread 1"]);
    expect(view.state.runnable).toEqual([0, 1, 2]);
    expect(await getScheduleStep(bob, id, { db: t.db })).toBeNull();
  });

  it("an exercise without a target cannot be played this way", async () => {
    await expect(
      requestTargetStep(alice, { slug: "shared-counter", decisions: "" }, { db: t.db, exercisesDir: EXERCISES }),
    ).rejects.toMatchObject({ code: "not-found" });
  });

  it("submits the played schedule as the harness's: an ordinary submit-kind submission", async () => {
    const { id } = await requestTargetStep(
      alice,
      { slug: "break-the-increment", decisions: PLAYED.join(",") },
      { db: t.db, exercisesDir: EXERCISES },
    );
    // Not run yet: nothing to submit.
    await expect(submitPlayedSchedule(alice, { stepId: id }, { db: t.db })).rejects.toMatchObject({
      code: "validation-failed",
    });
    expect(await work()).toBe(true);
    const view = await getScheduleStep(alice, id, { db: t.db });
    expect(view?.status === "done" && view.state.shared).toEqual([{ name: "a", value: "2" }]);
    // Another user's played schedule is not theirs to submit.
    await expect(submitPlayedSchedule(bob, { stepId: id }, { db: t.db })).rejects.toMatchObject({ code: "not-found" });
    const sent = await submitPlayedSchedule(alice, { stepId: id }, { db: t.db });
    expect(sent.schedule).toEqual([0, 1, 1, 1, 1, 0, 1, 0, 0, 0, 0, 1]);
    const row = await t.db.submission.findUniqueOrThrow({ where: { id: sent.id } });
    expect(row).toMatchObject({ userId: alice, exerciseId: "ch03-break-the-increment", kind: "submit" });
    expect(row.code).toContain("export const schedule: number[] = [0, 1, 1, 1, 1, 0, 1, 0, 0, 0, 0, 1];");
  });
});
