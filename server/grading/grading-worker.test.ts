import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SandboxPool, type GradeReport } from "../../grader/index";
import { createTestDb, type TestDb } from "../testing/test-db";
import { startGradingWorker, warmUpPool } from "./grading-worker";
import { enqueueSubmission } from "./queue/enqueue-submission";
import { localGradingJobs } from "./queue/local-queue";
import { syncExercises } from "./sync-exercises";

const EXERCISES = path.resolve("exercises");
const COUNTER = path.join(EXERCISES, "shared-counter");

let t: TestDb;
let userId: string;
beforeAll(async () => {
  t = await createTestDb();
  await syncExercises(EXERCISES, t.db);
  userId = (await t.db.user.create({ data: { email: "w@example.com", displayName: "W", passwordHash: "x" } })).id;
});
afterAll(async () => {
  await t.dispose();
});
beforeEach(async () => {
  await t.db.submission.deleteMany();
});

async function submit(code: string, exerciseId = "ch03-shared-counter"): Promise<string> {
  const { id } = await t.db.submission.create({ data: { userId, exerciseId, code } });
  await enqueueSubmission(id, { db: t.db });
  return id;
}

async function until(predicate: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const settled = (ids: string[]) => async () =>
  (await t.db.submission.count({ where: { id: { in: ids }, status: { in: ["done", "failed"] } } })) === ids.length;

describe("grading worker", () => {
  it("grades queued submissions in a real sandbox pool and stores the report", async () => {
    const pool = new SandboxPool({ size: 2, taskTimeoutMs: 120_000 });
    await warmUpPool(pool, 2);
    const log: string[] = [];
    const worker = startGradingWorker({
      jobs: localGradingJobs({ db: t.db }),
      pool,
      workerId: "test-worker",
      exercisesDir: EXERCISES,
      db: t.db,
      pollMs: 20,
      leaseMs: 30_000,
      log: (line) => log.push(line),
    });
    try {
      const starter = await submit(readFileSync(path.join(COUNTER, "starter.ts"), "utf8"));
      const reference = await submit(readFileSync(path.join(COUNTER, "reference.ts"), "utf8"));
      await until(settled([starter, reference]));

      const wrong = await t.db.submission.findUniqueOrThrow({ where: { id: starter }, include: { result: true } });
      expect(wrong).toMatchObject({ status: "done", attempts: 1, workerId: "test-worker", leaseExpiresAt: null });
      expect(wrong.result).toMatchObject({ verdict: "wrong-answer", score: 0, maxScore: 100 });
      const report = JSON.parse(wrong.result!.reportJson) as GradeReport;
      expect(report.checks.map((c) => c.id)).toEqual(["two-threads", "many-threads", "waits-for-workers"]);
      // The failing check's trace is stored once, with the check (trim-report.ts).
      expect(report.failure).toEqual({ check: "two-threads", hidden: false });
      const failed = report.checks.find((c) => c.id === "two-threads")!;
      expect(failed.failure?.trace.some((e) => e.file === "solution.ts" && e.line !== undefined)).toBe(true);

      const right = await t.db.submission.findUniqueOrThrow({ where: { id: reference }, include: { result: true } });
      expect(right.result).toMatchObject({ verdict: "passed", score: 100, maxScore: 100 });
      expect(log.filter((line) => line.startsWith("graded"))).toHaveLength(2);
      // The completion hook (on-grading-stored.ts) puts the best result on the boards.
      await until(
        async () => (await t.db.standing.count({ where: { submissionId: reference, bestScore: 100 } })) === 1,
      );

      // Only the hidden check ("many-threads", 4 threads) fails, with a runtime error: the
      // stored verdict says the solution is wrong, not how the hidden check caught it.
      const referenceSource = readFileSync(path.join(COUNTER, "reference.ts"), "utf8");
      const dodge = referenceSource.replace(
        "const workers = [];",
        'if (threads === 4) throw new Error("secret");\n  const workers = [];',
      );
      expect(dodge).not.toBe(referenceSource);
      const hiddenOnly = await submit(dodge);
      await until(settled([hiddenOnly]));
      const caught = await t.db.submission.findUniqueOrThrow({ where: { id: hiddenOnly }, include: { result: true } });
      const stored = JSON.parse(caught.result!.reportJson) as GradeReport;
      expect(stored.verdict).toBe("runtime-error");
      expect(caught.result).toMatchObject({ verdict: "wrong-answer" });
      expect(stored.checks.filter((c) => c.verdict !== "passed").map((c) => c.id)).toEqual(["many-threads"]);
    } finally {
      await worker.stop();
      await pool.close();
    }
  });

  it("fails a submission at once when its exercise cannot be loaded, and goes on", async () => {
    const pool = new SandboxPool({ size: 1, taskTimeoutMs: 120_000 });
    const worker = startGradingWorker({
      jobs: localGradingJobs({ db: t.db }),
      pool,
      workerId: "test-worker",
      exercisesDir: path.join(EXERCISES, "no-such-folder"),
      db: t.db,
      pollMs: 20,
      leaseMs: 30_000,
    });
    try {
      const id = await submit("export {};");
      await until(settled([id]));
      const row = await t.db.submission.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ status: "failed", attempts: 1 });
      expect(row.error).toMatch(/could not be loaded for grading/);
    } finally {
      await worker.stop();
      await pool.close();
    }
  });

  it("on stop, puts a job that does not finish in time back in line without spending an attempt", async () => {
    // A pool whose sandbox never answers: the job is still grading when the worker stops.
    const stuck = { run: () => new Promise(() => {}), size: 1, pids: [] } as unknown as SandboxPool;
    const worker = startGradingWorker({
      jobs: localGradingJobs({ db: t.db }),
      pool: stuck,
      workerId: "test-worker",
      exercisesDir: EXERCISES,
      db: t.db,
      pollMs: 20,
      leaseMs: 30_000,
      stopGraceMs: 100,
    });
    // A solution that compiles and type-checks, so grading reaches the (stuck) pool.
    const id = await submit(readFileSync(path.join(COUNTER, "reference.ts"), "utf8"));
    await until(async () => (await t.db.submission.findUniqueOrThrow({ where: { id } })).status === "running");
    await worker.stop();
    expect(await t.db.submission.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "queued",
      attempts: 0,
      workerId: null,
    });
  });
});
