// Break-it exercises (issue 14): a student plays a level's target (exercises/break-*/target.ts)
// with the real runtime, and the schedule they build is graded by the level's harness, which
// simulates the same program line by line (`export const schedule: number[]`, thread k of the
// statement). Plain data in, plain data out: the server translates a played schedule on
// "Submit this schedule", the grader translates a reference schedule back to check a target.
//
// Numbering. The target's main thread (runtime id 0) starts the statement's threads in order,
// so the statement's thread k is runtime thread k + 1. Every decision of a statement thread is
// one line of it, except:
//   - its first decision, `start` (the thread has not reached its first line yet);
//   - a decision at which it blocked (a lock held, an event not set): it ran no line, and the
//     harness would refuse that step ("it cannot run") — the line is the decision that later
//     gets through;
//   - but a Condition's wait is a line when it falls asleep (the statement counts two steps for
//     `wait()`: fall asleep, then take the lock back), so a block right after the thread's
//     `wait` event on that condition counts.
// Main's decisions are never lines.

import type { TraceEvent } from "./types";

/** What a played schedule needs to be translated: a StepState (grader/protocol/step.ts) has it all. */
export interface PlayedSchedule {
  decisions: readonly number[];
  /** Indices of `decisions` at which the chosen thread blocked. */
  blocked?: readonly number[];
  threadNames: readonly string[];
  trace: readonly TraceEvent[];
}

/** For each thread name, its `block` events in order: true when the block is a Condition wait's sleep. */
function sleepsByThread(trace: readonly TraceEvent[]): Map<string, boolean[]> {
  const last = new Map<string, TraceEvent>();
  const sleeps = new Map<string, boolean[]>();
  for (const e of trace) {
    if (e.op === "block") {
      const before = last.get(e.thread);
      const list = sleeps.get(e.thread) ?? [];
      list.push(before?.op === "wait" && before.target === e.target);
      sleeps.set(e.thread, list);
    }
    last.set(e.thread, e);
  }
  return sleeps;
}

/** The runtime decisions of a played target → the harness's schedule (statement thread numbers). */
export function harnessSchedule(played: PlayedSchedule): number[] {
  const blocked = new Set(played.blocked ?? []);
  const sleeps = sleepsByThread(played.trace);
  const started = new Set<number>();
  const blocks = new Map<number, number>();
  const schedule: number[] = [];
  played.decisions.forEach((t, i) => {
    if (t === 0) return;
    if (!started.has(t)) {
      started.add(t);
      return;
    }
    if (blocked.has(i)) {
      const j = blocks.get(t) ?? 0;
      blocks.set(t, j + 1);
      if (!sleeps.get(played.threadNames[t] ?? "")?.[j]) return;
    }
    schedule.push(t - 1);
  });
  return schedule;
}

/** The source a break-it submission is: the harness's schedule, exported. */
export function scheduleSource(schedule: readonly number[]): string {
  return `// Played with "Play the scheduler": one thread number per line of the program.\nexport const schedule: number[] = [${schedule.join(", ")}];\n`;
}

/** One replay of the target up to some decisions (a step job, or stepProgram in tests). */
export interface TargetStep extends PlayedSchedule {
  finished: boolean;
  runnable: readonly number[];
  threads: readonly { id: number; op?: string }[];
}

export type RuntimeDecisions =
  | { ok: true; decisions: number[]; state: TargetStep }
  | { ok: false; step: number; message: string; decisions: number[] };

/**
 * The other way: a harness schedule → runtime decisions that play it on the target, found by
 * replaying (`step`). Main takes its step whenever it can (it only starts and joins); a thread
 * that has not started yet is started right before its first line. `step` in the result is the
 * 1-based harness step that could not be played.
 */
export async function runtimeDecisions(
  schedule: readonly number[],
  step: (decisions: number[]) => TargetStep | Promise<TargetStep>,
): Promise<RuntimeDecisions> {
  const decisions: number[] = [];
  const budget = schedule.length * 4 + 50;
  for (let n = 0; n < budget; n++) {
    const state = await step(decisions);
    const done = harnessSchedule(state);
    const at = done.length;
    if (done.some((t, i) => t !== schedule[i]))
      return { ok: false, step: at, message: `the target ran other lines than steps 1–${at}`, decisions };
    if (at >= schedule.length) return { ok: true, decisions, state };
    if (state.finished)
      return { ok: false, step: at + 1, message: `the target ended before step ${at + 1}`, decisions };
    if (state.runnable.includes(0)) {
      decisions.push(0);
      continue;
    }
    const t = schedule[at]! + 1;
    if (!state.runnable.includes(t))
      return {
        ok: false,
        step: at + 1,
        message: `step ${at + 1}: ${state.threadNames[t] ?? `thread ${t - 1}`} cannot run in the target`,
        decisions,
      };
    // A thread that blocks here is refused at the next turn: it is no longer runnable.
    decisions.push(t);
  }
  return { ok: false, step: schedule.length, message: "the translation did not converge", decisions };
}
