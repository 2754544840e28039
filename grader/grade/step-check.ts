// "You are the scheduler" on a check of an exercise (issue 14): one step of a schedule the
// student plays by hand, replayed on the check's program (harness + their solution) in a
// sandbox process, stopping right after the decisions so far (explore/step.ts).

import type { LoadedExercise } from "../exercise/load";
import type { StepState } from "../protocol/step";
import type { SandboxAnswer } from "../workers/tasks";
import type { SandboxPool } from "../workers/pool";
import { solutionFiles } from "./grade";

export type CheckStep =
  | { ok: true; state: StepState }
  /** unknown-check, bad-schedule (a thread that cannot run at that step), or the program did not compile or crashed. */
  | { ok: false; code: "unknown-check" | "bad-schedule" | "cannot-run"; message: string };

export async function stepCheck(
  pool: SandboxPool,
  exercise: LoadedExercise,
  solution: string,
  checkId: string,
  decisions: number[],
  displayName = "solution.ts",
): Promise<CheckStep> {
  const m = exercise.manifest;
  const check = m.checks.find((c) => c.id === checkId);
  if (!check) return { ok: false, code: "unknown-check", message: `this exercise has no check "${checkId}"` };
  const answer = await pool.run({
    kind: "step",
    files: solutionFiles(exercise, solution, displayName),
    options: {
      decisions,
      cores: check.cores ?? m.runtime.cores,
      maxSteps: check.schedules?.maxSteps ?? m.schedules.maxSteps,
      entryModule: "harness.ts",
      entryExport: check.export,
    },
  });
  return stepResult(answer);
}

/** A sandbox's answer to a step task, as its callers report it (a check's step, a break-it target's). */
export function stepResult(
  answer: SandboxAnswer,
): { ok: true; state: StepState } | { ok: false; code: "bad-schedule" | "cannot-run"; message: string } {
  switch (answer.kind) {
    case "stepped":
      return { ok: true, state: answer.state };
    case "bad-input":
      return { ok: false, code: "bad-schedule", message: answer.message };
    case "compile-error":
      return { ok: false, code: "cannot-run", message: answer.diagnostics.map((d) => d.message).join("; ") };
    case "crashed":
    case "timeout":
      return { ok: false, code: "cannot-run", message: answer.message };
    default:
      return { ok: false, code: "cannot-run", message: `unexpected answer ${answer.kind}` };
  }
}
