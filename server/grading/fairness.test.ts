import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { AppError } from "../errors";
import { defaultLimits, submitSolution } from "../submissions/submit-solution";
import { createTestDb, TEST_BACKENDS, type TestDb } from "../testing/test-db";
import { openTestQueue, type TestQueue } from "./queue/testing/backends";
import { syncExercises } from "./sync-exercises";
import { startWorkerProcess, until, type WorkerProcess } from "./testing/worker-process";

// Issue 17, fairness with real grading, on both backends: user A sends 20 looping solutions to
// shared-counter (each graded in full: a starvation verdict on every check), then user B sends a
// correct one. A real worker process (scripts/worker.ts) grades them all. B's verdict must be
// stored after AT MOST ONE of A's gradings completes (the one in progress when B submitted).
//
// How many of A's 20 get in: the per-user limit on pending submissions
// (GRADING_MAX_PENDING_PER_USER, 5 by default) lets in 5, the other 15 are refused with
// "rate-limited" (429 over HTTP). With A's 5 in line, FIFO claiming would grade all 5 of A's
// before B's (B's result stored after 5 of A's): the assertion below fails under FIFO. Checked
// by putting `s."enqueuedAt"` first in claim-next-job.ts's ORDER BY: "B's verdict was stored
// after 5 of A's gradings: expected 5 to be less than or equal to 1".
// Fair claiming (claim-next-job.ts / pg-boss priority = -round) puts B's round-0 job before
// A's rounds 1–4, so B waits for the grading in progress only. The same ordering is asserted
// by argument order, not by time: only the sequence of `finishedAt` matters.

const EXERCISES = path.resolve("exercises");
const REFERENCE = readFileSync(path.join(EXERCISES, "shared-counter", "reference.ts"), "utf8");
// Spins through scheduling points (a livelock): the step budget stops it, every check fails.
const LOOPING = REFERENCE.replace(
  'import { spawn, type Lock, type Shared } from "interleave";',
  'import { spawn, yieldNow, type Lock, type Shared } from "interleave";',
).replace("const workers = [];", "while (threads > 0) await yieldNow();\n  const workers = [];");

/** How many of `others` completed before `mine`: the count fairness bounds. */
function completedBefore(mine: Date, others: readonly Date[]): number {
  return others.filter((at) => at.getTime() <= mine.getTime()).length;
}

for (const { backend, skip } of TEST_BACKENDS) {
  describe.skipIf(skip !== null)(`fair grading with real gradings on ${backend}${skip ? ` (${skip})` : ""}`, () => {
    let t: TestDb;
    let q: TestQueue;
    let worker: WorkerProcess | null = null;
    const users = { a: "", b: "" };
    beforeAll(async () => {
      t = await createTestDb(backend);
      q = await openTestQueue(t);
      await syncExercises(EXERCISES, t.db);
      for (const name of ["a", "b"] as const)
        users[name] = (
          await t.db.user.create({ data: { email: `${name}@example.com`, displayName: name, passwordHash: "x" } })
        ).id;
    });
    afterAll(async () => {
      worker?.kill("SIGKILL");
      await worker?.exited;
      await q?.close();
      await t?.dispose();
    });

    it("a 20-submission loop burst delays another user's correct submission by one grading at most", async () => {
      worker = startWorkerProcess(t.url);
      const w = worker;
      onTestFailed(() => console.log(`worker log:\n${w.log.join("\n")}`));
      await w.ready;
      const limits = defaultLimits();
      const submit = (user: "a" | "b", code: string) =>
        submitSolution(users[user], { slug: "shared-counter", code }, { db: t.db, queue: q.queue, limits });

      const burst: string[] = [];
      let refused = 0;
      for (let i = 0; i < 20; i++) {
        try {
          burst.push((await submit("a", `${LOOPING}\n// try ${i}\n`)).id);
        } catch (error) {
          if (!(error instanceof AppError) || error.code !== "rate-limited") throw error;
          refused++;
        }
      }
      // The per-user limit decides how many of the 20 wait in line (5 by default).
      expect(burst.length).toBe(limits.maxPending);
      expect(refused).toBe(20 - limits.maxPending);
      const { id: correct } = await submit("b", REFERENCE);

      const all = [...burst, correct];
      await until(
        async () =>
          (await t.db.submission.count({ where: { id: { in: all }, status: { in: ["done", "failed"] } } })) ===
          all.length,
        240_000,
        "every submission graded",
      );
      const rows = await t.db.submission.findMany({ where: { id: { in: all } }, include: { result: true } });
      const b = rows.find((r) => r.id === correct)!;
      const a = rows.filter((r) => r.id !== correct);
      // Real gradings: A's loops are caught, B's solution passes.
      expect(b.result?.verdict).toBe("passed");
      for (const r of a) expect(r.result?.verdict).toBe("starvation");
      const before = completedBefore(
        b.finishedAt!,
        a.map((r) => r.finishedAt!),
      );
      expect(before, `B's verdict was stored after ${before} of A's gradings`).toBeLessThanOrEqual(1);
      // And A was served too: every one of A's graded once.
      expect(await t.db.gradingResult.count({ where: { submissionId: { in: burst } } })).toBe(burst.length);
    }, 300_000);
  });
}
