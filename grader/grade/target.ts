// Break-it targets (issue 14): the program a break-it harness simulates, written for the real
// runtime (exercises/break-*/target.ts, `manifest.target`). "Play the scheduler" steps it; on
// "Submit this schedule" the played decisions become the harness's schedule
// (grader/protocol/break-it-schedule.ts). `checkTarget` is validate's proof that the two agree:
// the reference schedule, translated to runtime decisions, really breaks the target.

import type { ProgramFile } from "../isolate/session";
import { harnessSchedule, runtimeDecisions, type RuntimeDecisions } from "../protocol/break-it-schedule";
import type { StepState } from "../protocol/step";
import type { SandboxPool } from "../workers/pool";
import type { LoadedExercise } from "../exercise/load";
import { stepResult } from "./step-check";

export type TargetStepAnswer =
  | { ok: true; state: StepState }
  | { ok: false; code: "no-target" | "bad-schedule" | "cannot-run"; message: string };

/** Steps to let the program run on after the reference schedule (main's last joins, the blocked threads' attempts). */
const FINISH_BUDGET = 500;

export function targetFiles(exercise: LoadedExercise): ProgramFile[] | null {
  if (exercise.target === undefined) return null;
  return [{ name: "program.ts", displayName: exercise.manifest.target ?? "target.ts", source: exercise.target }];
}

/** One "you are the scheduler" step of the exercise's target: replay `decisions` and stop. */
export async function stepTarget(
  pool: SandboxPool,
  exercise: LoadedExercise,
  decisions: number[],
): Promise<TargetStepAnswer> {
  const files = targetFiles(exercise);
  if (!files) return { ok: false, code: "no-target", message: "this exercise has no target to play" };
  const answer = await pool.run({
    kind: "step",
    files,
    options: {
      decisions,
      cores: exercise.manifest.runtime.cores,
      maxSteps: 10_000,
      entryModule: "program.ts",
      entryExport: "default",
    },
  });
  return stepResult(answer);
}

/** `export const schedule: number[] = [0, 1, ...]` of a reference, or null when it has no such literal. */
export function referenceSchedule(source: string): number[] | null {
  const m = /export\s+const\s+schedule\s*(?::\s*number\[\]\s*)?=\s*\[([\d\s,]*)\]/.exec(source);
  if (!m) return null;
  const items = m[1]!.split(",").map((x) => x.trim());
  if (items.at(-1) === "") items.pop();
  return items.map(Number);
}

/**
 * Play a harness schedule on the target and let the program go on (the lowest runnable
 * thread each time) until it ends: the translation and the final state.
 */
export async function playSchedule(
  schedule: readonly number[],
  step: (decisions: number[]) => StepState | Promise<StepState>,
): Promise<{ translated: RuntimeDecisions; final: StepState | null }> {
  const translated = await runtimeDecisions(schedule, step);
  if (!translated.ok) return { translated, final: null };
  const decisions = [...translated.decisions];
  let state = await step(decisions);
  for (let n = 0; n < FINISH_BUDGET && !state.finished; n++) {
    decisions.push(Math.min(...state.runnable));
    state = await step(decisions);
  }
  return { translated, final: state };
}

/**
 * The target agrees with the harness: the reference schedule plays on it, translates back to
 * itself, and breaks it (the program ends failing: its own check, a deadlock). A problem
 * sentence, or null.
 */
export async function checkTarget(
  exercise: LoadedExercise,
  step: (decisions: number[]) => StepState | Promise<StepState>,
): Promise<string | null> {
  const file = exercise.manifest.target ?? "target.ts";
  const reference = referenceSchedule(exercise.reference);
  if (!reference) return `${file}: reference.ts has no \`export const schedule = [...]\` to play on the target`;
  const { translated, final } = await playSchedule(reference, step);
  if (!translated.ok) return `${file}: the reference schedule does not play on the target (${translated.message})`;
  const back = harnessSchedule(translated.state);
  if (back.join(",") !== reference.join(","))
    return `${file}: the reference schedule played on the target translates back to [${back.join(", ")}]`;
  if (!final?.finished) return `${file}: after the reference schedule the target does not end`;
  if (final.outcome?.kind === "passed")
    return `${file}: the reference schedule does not break the target: the program passes (runtime decisions ${translated.decisions.join(",")})`;
  return null;
}

/** checkTarget with the sandbox pool (validate). */
export async function checkTargetInPool(pool: SandboxPool, exercise: LoadedExercise): Promise<string | null> {
  if (exercise.target === undefined) return null;
  return checkTarget(exercise, async (decisions) => {
    const answer = await stepTarget(pool, exercise, decisions);
    if (!answer.ok) throw new Error(answer.message);
    return answer.state;
  }).catch(
    (error: unknown) => `${exercise.manifest.target}: ${error instanceof Error ? error.message : String(error)}`,
  );
}
