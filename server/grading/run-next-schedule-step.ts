import path from "node:path";
import { loadExercise, stepCheck, stepTarget, type SandboxPool } from "../../grader/index";
import { getDb, type Db } from "../db";
import { claimNextScheduleStep, STEP_LEASE_MS } from "../play/claim-next-schedule-step";
import { SOLUTION_FILE } from "./grade-submission";
import { loadAuthoredVersion } from "./validation-jobs";

// The grading worker's side of "you are the scheduler" (issue 14; the requests and their table
// are server/play/): claim one step and replay it on the check of the submission, in the
// sandbox pool. Taken before any submission (startGradingWorker's `first`): a step is one
// short schedule, and a student waits for it click by click.

export type RunScheduleStepOptions = {
  db?: Db;
  pool: SandboxPool;
  workerId: string;
  exercisesDir: string;
  log?: (line: string) => void;
};

/** Claim one waiting step and run it; false when none was waiting. */
export async function runNextScheduleStep({
  db = getDb(),
  pool,
  workerId,
  exercisesDir,
  log = () => {},
}: RunScheduleStepOptions): Promise<boolean> {
  const job = await claimNextScheduleStep(workerId, { db, leaseMs: STEP_LEASE_MS });
  if (!job) return false;
  const finish = (data: { status: "done" | "failed"; resultJson?: string; error?: string }) =>
    db.scheduleStep.updateMany({
      where: { id: job.id, workerId, status: "running" },
      data: { ...data, finishedAt: new Date(), leaseExpiresAt: null },
    });
  const decisions = job.decisions === "" ? [] : job.decisions.split(",").map(Number);
  // A break-it exercise's target (issue 14): the exercise's own program, no submission.
  if (job.submissionId === null) {
    const ex = job.exerciseId
      ? await db.exercise.findUnique({ where: { id: job.exerciseId }, select: { slug: true, source: true } })
      : null;
    const exercise = ex?.source === "files" ? loadExercise(path.resolve(exercisesDir, ex.slug)).exercise : undefined;
    if (!exercise?.target) {
      await finish({ status: "failed", error: "This exercise has no program to play." });
      return true;
    }
    try {
      const step = await stepTarget(pool, exercise, decisions);
      if (step.ok) await finish({ status: "done", resultJson: JSON.stringify(step.state) });
      else await finish({ status: "failed", error: step.message });
      log(`schedule step ${job.id} (target): ${step.ok ? "done" : step.code}`);
    } catch (error) {
      await finish({ status: "failed", error: "The step could not be run." });
      log(`schedule step ${job.id}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return true;
  }
  const submission = await db.submission.findUnique({
    where: { id: job.submissionId },
    select: {
      code: true,
      exerciseId: true,
      exerciseVersion: true,
      exercise: { select: { slug: true, source: true, publishedVersion: true } },
    },
  });
  if (!submission) {
    await finish({ status: "failed", error: "The submission no longer exists." });
    return true;
  }
  const ex = submission.exercise;
  const version = submission.exerciseVersion ?? ex.publishedVersion;
  const { exercise } =
    ex.source === "browser"
      ? version === null
        ? { exercise: undefined }
        : await loadAuthoredVersion(db, submission.exerciseId, version)
      : loadExercise(path.resolve(exercisesDir, ex.slug));
  if (!exercise || exercise.manifest.id !== submission.exerciseId) {
    await finish({ status: "failed", error: "The exercise could not be loaded." });
    return true;
  }
  // A hidden check shows no details (its threads and harness lines would give it away).
  if (exercise.manifest.checks.find((c) => c.id === job.checkId)?.hidden) {
    await finish({ status: "failed", error: "This check is hidden: it cannot be played." });
    return true;
  }
  try {
    const step = await stepCheck(pool, exercise, submission.code, job.checkId, decisions, SOLUTION_FILE);
    if (step.ok) await finish({ status: "done", resultJson: JSON.stringify(step.state) });
    else await finish({ status: "failed", error: step.message });
    log(`schedule step ${job.id}: ${step.ok ? "done" : step.code}`);
  } catch (error) {
    await finish({ status: "failed", error: "The step could not be run." });
    log(`schedule step ${job.id}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return true;
}
