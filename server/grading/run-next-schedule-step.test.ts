// Issue 14, "you are the scheduler", the worker's side: a step replayed on a real check in the
// sandbox, stored for its owner only (the table's rules: server/play/schedule-steps.test.ts).

import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SandboxPool } from "../../grader/index";
import { applyCatalogue } from "./apply-catalogue";
import { runNextScheduleStep } from "./run-next-schedule-step";
import { createTestDb, type TestDb } from "../testing/test-db";
import { getScheduleStep } from "../play/get-schedule-step";
import { requestScheduleStep } from "../play/request-schedule-step";

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

describe("runNextScheduleStep", () => {
  let pool: SandboxPool;
  beforeAll(() => {
    pool = new SandboxPool({ size: 1, taskTimeoutMs: 60_000 });
  });
  afterAll(async () => {
    await pool.close();
  });

  it("replays the decisions on the check and stores where every thread stands; only the owner reads it", async () => {
    expect(await runNextScheduleStep({ db: t.db, pool, workerId: "w", exercisesDir: EXERCISES })).toBe(false);
    const { id } = await requestScheduleStep(
      alice,
      { submissionId, checkId: "two-threads", decisions: "" },
      { db: t.db },
    );
    expect(await getScheduleStep(alice, id, { db: t.db })).toEqual({ status: "queued" });
    expect(await runNextScheduleStep({ db: t.db, pool, workerId: "w", exercisesDir: EXERCISES })).toBe(true);
    const view = await getScheduleStep(alice, id, { db: t.db });
    expect(view?.status).toBe("done");
    if (view?.status !== "done") return;
    expect(view.state.finished).toBe(false);
    expect(view.state.decisions).toEqual([]);
    expect(view.state.runnable.length).toBeGreaterThan(0);
    expect(view.state.threads.length).toBeGreaterThan(0);
    expect(await getScheduleStep(bob, id, { db: t.db })).toBeNull();
  }, 60_000);

  it("a schedule naming a thread that cannot run fails with the reason", async () => {
    const { id } = await requestScheduleStep(
      alice,
      { submissionId, checkId: "two-threads", decisions: "7" },
      { db: t.db },
    );
    await runNextScheduleStep({ db: t.db, pool, workerId: "w", exercisesDir: EXERCISES });
    expect(await getScheduleStep(alice, id, { db: t.db })).toMatchObject({
      status: "failed",
      error: expect.stringMatching(/not reproducible at decision 0: thread #7 is not runnable/),
    });
  }, 60_000);

  it("a hidden check cannot be played", async () => {
    const { id } = await requestScheduleStep(
      alice,
      { submissionId, checkId: "many-threads", decisions: "" },
      { db: t.db },
    );
    await runNextScheduleStep({ db: t.db, pool, workerId: "w", exercisesDir: EXERCISES });
    expect(await getScheduleStep(alice, id, { db: t.db })).toEqual({
      status: "failed",
      error: "This check is hidden: it cannot be played.",
    });
  }, 60_000);
});
