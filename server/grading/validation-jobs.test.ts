import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SandboxPool } from "../../grader/index";
import { TEMPLATE_FILES, TEMPLATE_MANIFEST } from "../authoring/exercise-template";
import { formFromManifest } from "../authoring/manifest-form";
import { publishExercise } from "../authoring/publish-exercise";
import { requestValidation } from "../authoring/request-validation";
import { saveExercise } from "../authoring/save-exercise";
import { submitSolution } from "../submissions/submit-solution";
import { createTestDb, type TestDb } from "../testing/test-db";
import { gradeSubmission } from "./grade-submission";
import { startGradingWorker } from "./grading-worker";
import type { ClaimedJob, GradingJobs } from "./queue/grading-queue";
import { claimNextJob } from "./queue/claim-next-job";
import {
  claimNextValidation,
  loadAuthoredVersion,
  materialiseVersion,
  MAX_VALIDATION_ATTEMPTS,
  runNextValidation,
} from "./validation-jobs";

let t: TestDb;
let author: { id: string; role: "instructor" };
let studentId: string;
beforeAll(async () => {
  t = await createTestDb();
  const make = (email: string, role: string) =>
    t.db.user.create({ data: { email, displayName: email, passwordHash: "x", role } });
  author = { id: (await make("author@example.com", "instructor")).id, role: "instructor" };
  studentId = (await make("student@example.com", "student")).id;
});
afterAll(async () => {
  await t.dispose();
});
beforeEach(async () => {
  await t.db.submission.deleteMany();
  await t.db.exercise.deleteMany();
});

const ID = TEMPLATE_MANIFEST.id;
// A harness that accepts any total up to 4: the mutant that forgets to join is not caught
// with the verdict it declares (and the unchanged starter passes).
const WEAK_HARNESS = TEMPLATE_FILES["harness.ts"]!.replace("assert(total === 4,", "assert(total <= 4,");
const save = (files: Record<string, string>, exerciseId?: string) =>
  saveExercise(author, { exerciseId, form: formFromManifest(TEMPLATE_MANIFEST), files }, { db: t.db });

describe("validation jobs", () => {
  it("claims the oldest job once, with a lease; an expired lease lets another worker claim it, up to the limit", async () => {
    await save(TEMPLATE_FILES);
    const { validationId } = await requestValidation(author, ID, { db: t.db });
    const now = new Date("2026-12-03T10:00:00Z");
    const first = await claimNextValidation("w1", { db: t.db, now, leaseMs: 1_000 });
    expect(first).toMatchObject({ id: validationId, attempts: 1 });
    expect(await claimNextValidation("w2", { db: t.db, now, leaseMs: 1_000 })).toBeNull();
    let later = new Date(now.getTime() + 2_000);
    for (let attempt = 2; attempt <= MAX_VALIDATION_ATTEMPTS; attempt++) {
      expect(await claimNextValidation("w2", { db: t.db, now: later, leaseMs: 1_000 })).toMatchObject({
        attempts: attempt,
      });
      later = new Date(later.getTime() + 2_000);
    }
    expect(await claimNextValidation("w3", { db: t.db, now: later, leaseMs: 1_000 })).toBeNull();
    expect(await t.db.exerciseValidation.findUniqueOrThrow({ where: { id: validationId } })).toMatchObject({
      status: "failed",
    });
  });

  it("materialises a package with the grader's loader, and reports what does not load", () => {
    const manifestJson = JSON.stringify(TEMPLATE_MANIFEST);
    const loaded = materialiseVersion(manifestJson, JSON.stringify(TEMPLATE_FILES));
    expect(loaded.problems).toEqual([]);
    expect(loaded.exercise?.manifest.id).toBe(ID);
    expect(loaded.exercise?.mutants.map((m) => m.file)).toEqual(["mutants/no-lock.ts", "mutants/no-join.ts"]);
    // An authored package may hold alternates (other correct solutions): validate grades them.
    const withAlternate = {
      ...TEMPLATE_FILES,
      "alternates/same.ts": `// Alternate: the reference again\n${TEMPLATE_FILES["reference.ts"]}`,
    };
    const alternate = materialiseVersion(manifestJson, JSON.stringify(withAlternate));
    expect(alternate.problems).toEqual([]);
    expect(alternate.exercise?.alternates?.map((a) => [a.file, a.approach])).toEqual([
      ["alternates/same.ts", "the reference again"],
    ]);
    const { "reference.ts": _reference, ...noReference } = TEMPLATE_FILES;
    expect(materialiseVersion(manifestJson, JSON.stringify(noReference)).problems).toEqual([
      "reference.ts: missing reference.ts",
    ]);
    expect(materialiseVersion(manifestJson, JSON.stringify({ "../x.ts": "" })).exercise).toBeUndefined();
  });

  it("validates in the sandbox: a harness that misses a mutant is refused, the fixed one is published and graded", async () => {
    const pool = new SandboxPool({ size: 1, taskTimeoutMs: 120_000 });
    try {
      await save({ ...TEMPLATE_FILES, "harness.ts": WEAK_HARNESS });
      await requestValidation(author, ID, { db: t.db });
      expect(await runNextValidation({ db: t.db, pool, workerId: "w" })).toBe(true);
      expect(await runNextValidation({ db: t.db, pool, workerId: "w" })).toBe(false);
      const weak = await t.db.exerciseVersion.findFirstOrThrow({ where: { exerciseId: ID } });
      const report = JSON.parse(weak.validationJson!) as {
        valid: boolean;
        mutantResults: { file: string; caught: boolean; got: string }[];
        starter: { ok: boolean };
      };
      expect(report.valid).toBe(false);
      expect(report.mutantResults).toEqual([
        expect.objectContaining({ file: "mutants/no-lock.ts", caught: true, got: "race" }),
        expect.objectContaining({ file: "mutants/no-join.ts", caught: false }),
      ]);
      expect(report.starter.ok).toBe(false);
      await expect(publishExercise(author, ID, { db: t.db })).rejects.toThrow(/not valid/);

      await save(TEMPLATE_FILES, ID);
      await requestValidation(author, ID, { db: t.db });
      expect(await runNextValidation({ db: t.db, pool, workerId: "w" })).toBe(true);
      await expect(publishExercise(author, ID, { db: t.db })).resolves.toEqual({ version: 1 });

      // A student submits against version 1; version 2 (a harness that fails everything) is
      // saved afterwards and not even published: the submission is graded against its version.
      const { id } = await submitSolution(
        studentId,
        { slug: TEMPLATE_MANIFEST.slug, code: TEMPLATE_FILES["reference.ts"] },
        { db: t.db, queue: { enqueue: async () => "enqueued" } },
      );
      expect((await t.db.submission.findUniqueOrThrow({ where: { id } })).exerciseVersion).toBe(1);
      const failing = TEMPLATE_FILES["harness.ts"]!.replace("assert(total === 4,", "assert(total === 5,");
      await save({ ...TEMPLATE_FILES, "harness.ts": failing }, ID);
      expect((await loadAuthoredVersion(t.db, ID, 2)).exercise?.harness).toBe(failing);
      await t.db.submission.update({ where: { id }, data: { enqueuedAt: new Date() } });
      const job = await claimNextJob("w", { db: t.db });
      const graded = await gradeSubmission(pool, job!, { exercisesDir: "/nonexistent", db: t.db });
      expect(graded).toMatchObject({ verdict: "passed", score: 10, maxScore: 10 });
    } finally {
      await pool.close();
    }
  });

  it("are taken by the grading worker only when no submission waits", async () => {
    const order: string[] = [];
    let submissions = 2;
    let validations = 2;
    const job = { submissionId: "s", exerciseId: "e", code: "", attempts: 1, leaseExpiresAt: new Date() };
    const jobs: GradingJobs = {
      claimNextJob: async () => (submissions-- > 0 ? (job as ClaimedJob) : null),
      renewLease: async () => true,
      completeJob: async () => true,
      releaseJob: async () => {
        order.push("submission");
        return "failed";
      },
      enqueueStranded: async () => 0,
    };
    const worker = startGradingWorker({
      jobs,
      // The stub job's exercise does not exist: grading it fails at once, without a sandbox.
      pool: {} as SandboxPool,
      workerId: "w",
      exercisesDir: "/nonexistent",
      db: t.db,
      pollMs: 10,
      leaseMs: 30_000,
      whenIdle: async () => {
        if (validations-- <= 0) return false;
        order.push("validation");
        return true;
      },
    });
    await expect.poll(() => order.length).toBe(4);
    await worker.stop();
    expect(order).toEqual(["submission", "submission", "validation", "validation"]);
  });
});
