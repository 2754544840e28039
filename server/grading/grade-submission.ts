import path from "node:path";
import {
  gradeSolution,
  loadExercise,
  type GradeReport,
  type LoadedExercise,
  type SandboxPool,
} from "../../grader/index";
import { getDb, type Db } from "../db";
import { initialProgress, progressRecorder } from "../submissions/grading-progress";
import { studentVerdict } from "../submissions/student-verdict";
import type { ClaimedJob, JobResult } from "./queue/grading-queue";
import { trimReport } from "./trim-report";
import { loadAuthoredVersion } from "./validation-jobs";

// The worker's one call into the grader: a claimed job in, the result to store out. Student
// code runs in the pool's sandbox processes, never in this process.

/** The name the student's code has in reports and traces (a trace event's `file`). */
export const SOLUTION_FILE = "solution.ts";

/** A problem retrying cannot fix: the job is failed at once with this (student-readable) message. */
export class PermanentGradingError extends Error {
  override name = "PermanentGradingError";
}

export type GradeSubmissionOptions = {
  exercisesDir: string;
  db?: Db;
  /** Real time the whole submission may take (GRADING_DEADLINE_SECONDS). */
  deadlineMs?: number;
};

export const DEFAULT_DEADLINE_MS = 60_000;

/**
 * Run (issue 14) is the quick check while writing: the visible correctness checks only (no
 * hidden checks, no performance measurements), each with at most this many schedules. It is
 * never scored (Submission.kind "run"); Submit grades everything under the full budget.
 */
export const RUN_SCHEDULES = 40;

/** The exercise as a Run grades it: visible correctness checks, each with a small budget. */
export function runExercise(exercise: LoadedExercise): LoadedExercise {
  const m = exercise.manifest;
  const visible = m.checks.filter((c) => !c.hidden);
  const correctness = visible.filter((c) => c.kind === "correctness");
  // An exercise whose visible checks all measure performance still gets its first one run.
  const chosen = correctness.length > 0 ? correctness : visible.slice(0, 1);
  const checks = chosen.map((c) => ({
    ...c,
    schedules: { ...c.schedules, runs: Math.min(RUN_SCHEDULES, c.schedules?.runs ?? m.schedules.runs) },
  }));
  return {
    ...exercise,
    manifest: { ...m, checks, points: checks.reduce((sum, c) => sum + c.points, 0) },
  };
}

export async function gradeSubmission(
  pool: SandboxPool,
  job: ClaimedJob,
  { exercisesDir, db = getDb(), deadlineMs = DEFAULT_DEADLINE_MS }: GradeSubmissionOptions,
): Promise<JobResult & { report: GradeReport }> {
  const [row, submission] = await Promise.all([
    db.exercise.findUnique({
      where: { id: job.exerciseId },
      select: { slug: true, source: true, publishedVersion: true },
    }),
    db.submission.findUnique({ where: { id: job.submissionId }, select: { kind: true } }),
  ]);
  if (!row) throw new PermanentGradingError("This exercise no longer exists, so the submission cannot be graded.");
  // The folder is named by the slug (the loader checks it); the manifest's stable id must match,
  // or the slug now belongs to another exercise. A browser-authored exercise is graded against
  // the version the submission was made on (issue 16), loaded from the database.
  const { exercise, problems } =
    row.source === "browser"
      ? await loadSubmittedVersion(db, job, row.publishedVersion)
      : loadExercise(path.resolve(exercisesDir, row.slug));
  if (!exercise || exercise.manifest.id !== job.exerciseId) {
    const why =
      problems.map((p) => (typeof p === "string" ? p : `${p.path}: ${p.message}`)).join("; ") ||
      "its folder now holds another exercise";
    throw new PermanentGradingError(
      `The exercise "${row.slug}" could not be loaded for grading (${why}). Please tell your instructor.`,
    );
  }
  const graded = submission?.kind === "run" ? runExercise(exercise) : exercise;
  const m = graded.manifest;
  // Live progress for the page (GET /api/submissions/<id>/events): written as the sandboxes report.
  const progress = progressRecorder(
    job.submissionId,
    initialProgress(
      m.checks.map((c) => ({ title: c.title, hidden: c.hidden, budget: c.schedules?.runs ?? m.schedules.runs })),
    ),
    { db },
  );
  let report: GradeReport;
  try {
    report = await gradeSolution(pool, graded, job.code, SOLUTION_FILE, {
      deadlineMs,
      onProgress: (event) => progress.record(event),
    });
  } finally {
    await progress.close();
  }
  // The stored verdict is what the student is shown (lists, badges): never a hidden check's.
  // The grader's own stays in the report. The report is bounded before it is stored.
  return {
    verdict: studentVerdict(report.checks, report.verdict),
    score: report.score,
    maxScore: report.maxScore,
    reportJson: trimReport(report).json,
    report,
  };
}

async function loadSubmittedVersion(db: Db, job: ClaimedJob, publishedVersion: number | null) {
  const submission = await db.submission.findUnique({
    where: { id: job.submissionId },
    select: { exerciseVersion: true },
  });
  const version = submission?.exerciseVersion ?? publishedVersion;
  if (version === null) return { problems: ["it was never published"] };
  return loadAuthoredVersion(db, job.exerciseId, version);
}
