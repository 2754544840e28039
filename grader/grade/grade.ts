// Grading a solution as the platform does: every check of the exercise is a harness export
// run as the main thread under the exercise's stress-schedule budget. A check earns its
// points only when no schedule fails; the overall verdict is the first failing check's.
// Time is bounded (issue 9): a check by its manifest's `timeBudgetMs`, the whole submission
// by `deadlineMs`; a check that runs out is `timeout` with what it explored, never `passed`.

import type { ExploreProgress, ExploreReport, Failure } from "../explore/explore";
import type { LoadedExercise } from "../exercise/load";
import { withDeadline, type SandboxPool } from "../workers/pool";
import { exploreOnPool } from "../workers/explore-parallel";
import type { ProgramFile } from "../isolate/session";
import type { SandboxAnswer } from "../workers/tasks";
import type { Verdict } from "../protocol/verdict";
import type { CompileDiagnostic } from "../compile/transpile";
import { expectedExports, typecheckSolution, type ExpectedExport } from "../compile/typecheck-solution";
import { measureCheck, type CheckPerformance } from "../perf/check";
import { withRuntimeOptions } from "../perf/runtime-options";
import { hintEvidence } from "./hint-evidence";
import { plural } from "./plural";

export interface CheckResult {
  id: string;
  title: string;
  hidden: boolean;
  points: number;
  earned: number;
  verdict: Verdict;
  message: string;
  feedback?: string;
  schedulesRun: number;
  failure?: Failure;
  report?: ExploreReport;
  /** Performance checks: what was measured, and against what. */
  performance?: CheckPerformance;
}

export interface GradeReport {
  exercise: string;
  verdict: Verdict;
  score: number;
  maxScore: number;
  checks: CheckResult[];
  /** The first failing check's failure (with its trace), if any. */
  /** The first failing check's failure; `hidden` says whether students may see it. */
  failure?: Failure & { check: string; hidden: boolean };
  diagnostics?: CompileDiagnostic[];
}

export interface GradeOptions {
  /**
   * Real time the whole submission may take (all checks and measurements); unset: unbounded.
   * A check without its own `timeBudgetMs` gets its share (the deadline over the rounds of
   * `pool.size` checks at a time); what is left at the deadline is not run.
   */
  deadlineMs?: number;
  /**
   * Live progress (issue 14): a check's exploration as it goes (`progress`), then its end.
   * `check` is the index in the manifest's checks. Called at most ~4 times a second per check.
   */
  onProgress?: (event: CheckProgressEvent) => void;
}

export type CheckProgressEvent =
  | { check: number; kind: "exploring"; progress: ExploreProgress }
  | { check: number; kind: "finished"; verdict: Verdict; schedulesRun: number };

export function solutionFiles(exercise: LoadedExercise, solution: string, displayName: string): ProgramFile[] {
  return withRuntimeOptions(
    [
      { name: "solution.ts", displayName, source: solution },
      {
        name: "harness.ts",
        displayName: "harness.ts",
        source: exercise.harness,
        // "interleave/harness" (measure, ...) is the harness's alone (grader/library/harness-api.ts).
        deps: { "./solution": "solution.ts", "interleave/harness": "interleave:harness" },
      },
    ],
    { gil: exercise.manifest.runtime.gil },
  );
}

function answerVerdict(answer: SandboxAnswer): { verdict: Verdict; message: string } | null {
  switch (answer.kind) {
    case "crashed":
      return { verdict: answer.memory ? "memory-limit" : "runtime-error", message: answer.message };
    case "timeout":
      return { verdict: "timeout", message: answer.message };
    case "bad-input":
      return { verdict: "runtime-error", message: answer.message };
    default:
      return null;
  }
}

/** How one check's schedules are explored: its budget over the exercise's, on the harness's export. */
export function checkExploreOptions(exercise: LoadedExercise, check: LoadedExercise["manifest"]["checks"][number]) {
  const m = exercise.manifest;
  const budget = { ...m.schedules, ...check.schedules };
  return {
    strategy: budget.strategy,
    runs: budget.runs,
    seed: budget.seed,
    depth: budget.depth,
    cores: check.cores ?? m.runtime.cores,
    maxSteps: budget.maxSteps,
    entryModule: "harness.ts",
    entryExport: check.export,
  };
}

export async function gradeSolution(
  pool: SandboxPool,
  exercise: LoadedExercise,
  solution: string,
  displayName = "solution.ts",
  options: GradeOptions = {},
): Promise<GradeReport> {
  const m = exercise.manifest;
  // Graded as the editor checks it: a type error the editor underlines is a compile-error.
  const typeErrors = typecheckSolution(solution, displayName, requiredExports(exercise));
  if (typeErrors.length > 0) return compileErrorReport(exercise, typeErrors);
  const files = solutionFiles(exercise, solution, displayName);
  // Under a deadline, a check with no budget of its own gets a fair share of it: the checks
  // run `pool.size` at a time, and the first ones must not leave nothing to the last ones.
  let share: number | undefined;
  if (options.deadlineMs !== undefined) {
    pool = withDeadline(pool, Date.now() + options.deadlineMs);
    const rounds = Math.ceil(m.checks.length / Math.max(1, pool.size || 1));
    share = Math.max(1, Math.floor(options.deadlineMs / rounds));
  }
  const answers = await Promise.all(
    m.checks.map((check, index) => {
      const budget = { ...m.schedules, ...check.schedules };
      const onProgress = options.onProgress;
      // Each check's schedules are spread over the pool's processes (issue 17).
      const answer = exploreOnPool(
        pool,
        {
          kind: "explore",
          files,
          options: { ...checkExploreOptions(exercise, check), timeBudgetMs: budget.timeBudgetMs ?? share },
        },
        onProgress ? { onProgress: (progress) => onProgress({ check: index, kind: "exploring", progress }) } : {},
      );
      if (onProgress)
        void answer.then(
          (a) => {
            const explored = a.kind === "explored" ? a.report : null;
            onProgress({
              check: index,
              kind: "finished",
              verdict: explored?.verdict ?? answerVerdict(a)?.verdict ?? "compile-error",
              schedulesRun: explored?.schedulesRun ?? 0,
            });
          },
          () => {},
        );
      return answer;
    }),
  );
  const report: GradeReport = { exercise: m.slug, verdict: "passed", score: 0, maxScore: m.points, checks: [] };
  for (let i = 0; i < m.checks.length; i++) {
    const check = m.checks[i]!;
    const answer = answers[i]!;
    const base = {
      id: check.id,
      title: check.title,
      hidden: check.hidden,
      points: check.points,
      feedback: undefined as string | undefined,
    };
    if (answer.kind === "compile-error") return compileErrorReport(exercise, answer.diagnostics);
    const sandbox = answerVerdict(answer);
    let result: CheckResult;
    if (sandbox) {
      result = { ...base, earned: 0, verdict: sandbox.verdict, message: sandbox.message, schedulesRun: 0 };
    } else if (answer.kind === "explored") {
      const r = answer.report;
      result = {
        ...base,
        earned: r.verdict === "passed" ? check.points : 0,
        verdict: r.verdict,
        message: r.failure
          ? r.failure.message
          : r.budgetExhausted
            ? outOfTimeMessage(r, check.schedules?.runs ?? m.schedules.runs)
            : `passed ${plural(r.schedulesRun, "schedule")}`,
        schedulesRun: r.schedulesRun,
        failure: r.failure,
        // The failure (and its trace) is kept once, above; not again inside the report.
        report: { ...r, failure: undefined },
      };
      if (r.verdict === "passed" && check.kind !== "correctness") {
        const maxSteps = check.schedules?.maxSteps ?? m.schedules.maxSteps;
        result = await withPerformance(pool, result, check, files, maxSteps, m.runtime.cores, displayName);
      }
    } else {
      throw new Error(`unexpected sandbox answer ${answer.kind}`);
    }
    result.feedback =
      result.verdict === "passed" ? undefined : feedbackFor(check.feedback, result.verdict, result.failure);
    report.checks.push(result);
    report.score += result.earned;
    if (result.verdict !== "passed" && report.verdict === "passed") {
      report.verdict = result.verdict;
      if (result.failure) report.failure = { ...result.failure, check: check.id, hidden: check.hidden };
    }
  }
  return report;
}

const required = new WeakMap<LoadedExercise, ExpectedExport[]>();

/** What the harness takes from the solution, as the starter declares it (parsed once per exercise). */
function requiredExports(exercise: LoadedExercise): ExpectedExport[] {
  let r = required.get(exercise);
  if (!r) required.set(exercise, (r = expectedExports(exercise.harness, exercise.starter)));
  return r;
}

/** No check runs a solution that does not compile: each is a compile-error worth nothing. */
function compileErrorReport(exercise: LoadedExercise, diagnostics: CompileDiagnostic[]): GradeReport {
  const m = exercise.manifest;
  return {
    exercise: m.slug,
    verdict: "compile-error",
    score: 0,
    maxScore: m.points,
    diagnostics,
    checks: m.checks.map((c) => ({
      id: c.id,
      title: c.title,
      hidden: c.hidden,
      points: c.points,
      earned: 0,
      verdict: "compile-error" as const,
      message: "the solution does not compile",
      schedulesRun: 0,
    })),
  };
}

/** Running out of time is unknown, not passed: say how far exploring got (Coyote, Porcupine). */
function outOfTimeMessage(r: ExploreReport, runs: number): string {
  const seconds = ((r.elapsedMs ?? 0) / 1000).toFixed(1);
  return (
    `explored ${r.schedulesRun} of ${plural(r.strategy === "rr" ? 1 : runs, "schedule")} in ${seconds} s before the time for ` +
    `this check ran out, with no failure so far: not enough to call it correct. Each schedule took ` +
    `about ${Math.round((r.elapsedMs ?? 0) / Math.max(1, r.schedulesRun))} ms: is the code doing far more steps than it needs?`
  );
}

/** A correct performance check is then measured: too slow is `too-slow`, with the why. */
async function withPerformance(
  pool: SandboxPool,
  result: CheckResult,
  check: LoadedExercise["manifest"]["checks"][number],
  files: ProgramFile[],
  maxSteps: number,
  defaultCores: number,
  solutionName: string,
): Promise<CheckResult> {
  const measured = await measureCheck(pool, check, check.cores ?? defaultCores, {
    files,
    entryModule: "harness.ts",
    entryExport: check.export,
    maxSteps,
    solutionName,
  });
  if (measured.kind === "failed") {
    const sandbox = answerVerdict(measured.answer);
    return {
      ...result,
      earned: 0,
      verdict: sandbox?.verdict ?? "runtime-error",
      message: sandbox?.message ?? measured.message,
    };
  }
  const p = measured.performance;
  return {
    ...result,
    earned: p.passed ? result.points : 0,
    verdict: p.passed ? "passed" : "too-slow",
    message: p.passed ? `${result.message}; ${p.message}` : p.message,
    performance: p,
  };
}

/**
 * The check's advice for this failure: its one text; or the text for evidence the failing
 * interleaving shows (hint-evidence.ts), else the text for this verdict, else "default".
 */
export function feedbackFor(
  feedback: string | Partial<Record<string, string>> | undefined,
  verdict: Verdict,
  failure?: Failure,
): string | undefined {
  if (feedback === undefined || typeof feedback === "string") return feedback;
  for (const evidence of hintEvidence(failure)) if (feedback[evidence] !== undefined) return feedback[evidence];
  return feedback[verdict] ?? feedback.default;
}
