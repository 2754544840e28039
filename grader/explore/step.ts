// "You are the scheduler" (issue 14): replay the decisions a student chose so far and stop
// right after them, answering where every thread stands — its next operation and line, who
// may take the next step — the shared variables' values and the trace so far. One short
// guided schedule; the student's next click appends a thread id and asks again.

import type { ProgramFile, Session } from "../isolate/session";
import type { DecisionRecord, ScheduleOutcome, TraceEvent } from "../protocol/types";
import type { StepState } from "../protocol/step";
import { verdictOf } from "../protocol/verdict";
import { attempt, baseConfig } from "./attempt";
import type { ExploreOptions } from "./types";

export type { StepState, StepThread } from "../protocol/step";

export type StepOptions = Pick<ExploreOptions, "cores" | "maxSteps" | "entryModule" | "entryExport"> & {
  decisions: number[];
  /**
   * The race and lock-order detectors. Off by default: playing the scheduler is about making
   * the program's own check fail (the lost update), and the race detector would end the
   * schedule at the first unordered access instead.
   */
  detectors?: boolean;
};

/** Operations whose trace event carries a shared variable's value (Shared, SharedArray, AtomicInt). */
const VALUE_OPS = new Set(["get", "set", "load", "store", "fetchAdd", "exchange", "compareExchange"]);

/** The last value the trace shows for each shared target, in order of first appearance. */
export function sharedValues(trace: readonly TraceEvent[]): { name: string; value: string }[] {
  const values = new Map<string, string>();
  for (const e of trace) {
    if (e.target === undefined || e.value === undefined || !VALUE_OPS.has(e.op)) continue;
    values.set(e.target, e.value);
  }
  return [...values].map(([name, value]) => ({ name, value }));
}

function lineText(files: readonly ProgramFile[], file?: string, line?: number): string | undefined {
  if (file === undefined || line === undefined) return undefined;
  const f = files.find((x) => x.displayName === file || x.name === file);
  const text = f?.source.split("\n")[line - 1]?.trim();
  return text === undefined || text === "" ? undefined : text.slice(0, 200);
}

/**
 * The decisions at which their thread blocked: the next decision's record says the running
 * thread did not go on, and the thread did not end there (it is chosen again later, or it is
 * still alive where the schedule stopped or ended). `lastStates`: thread id → state at the end.
 */
export function blockedDecisions(
  decisions: readonly number[],
  options: readonly DecisionRecord[],
  lastStates: ReadonlyMap<number, string>,
): number[] {
  const blocked: number[] = [];
  decisions.forEach((t, i) => {
    const next = options[i + 1];
    if (next === undefined) {
      if (lastStates.get(t) === "blocked") blocked.push(i);
      return;
    }
    if (next.current !== -1) return;
    const ended = decisions.indexOf(t, i + 1) < 0 && (lastStates.get(t) ?? "done") === "done";
    if (!ended) blocked.push(i);
  });
  return blocked;
}

/**
 * Replay `decisions` and stop at the next decision. A decision naming a thread that cannot
 * run is a RangeError (bad input): the page only offers runnable threads.
 */
export function stepProgram(session: Session, files: readonly ProgramFile[], options: StepOptions): StepState {
  const config = {
    ...baseConfig({ ...options, detectors: options.detectors ?? false }),
    strategy: "guided" as const,
    guide: options.decisions,
    trace: true,
    // (Keeps the decisions of a passing schedule in the result too.)
    recordOptions: true,
    stopAfterDecisions: options.decisions.length,
  };
  const a = attempt(session, config);
  if ("sandbox" in a) {
    const outcome: ScheduleOutcome = { kind: "error", message: a.sandbox.message };
    return {
      decisions: options.decisions,
      threadNames: [],
      finished: true,
      outcome,
      verdict: verdictOf(a.sandbox.kind, false),
      runnable: [],
      threads: [],
      shared: [],
      trace: [],
    };
  }
  const r = a.result;
  if (r.outcome.kind === "diverged") throw new RangeError(r.outcome.message);
  const trace = r.trace ?? [];
  const stopped = r.stopped;
  const lastStates = new Map<number, string>(
    stopped
      ? stopped.threads.map((t) => [t.id, t.state])
      : r.finalStates.map((f) => [r.threads.indexOf(f.thread), f.state]),
  );
  return {
    decisions: r.decisions,
    threadNames: r.threads,
    finished: stopped === undefined,
    outcome: stopped === undefined ? r.outcome : null,
    // A schedule the student chose is a stressed one: a failing check there is a race.
    verdict: stopped === undefined ? verdictOf(r.outcome.kind, false) : null,
    blocked: blockedDecisions(r.decisions, r.options ?? [], lastStates),
    runnable: stopped?.runnable ?? [],
    threads: (stopped?.threads ?? []).map((t) => ({ ...t, text: lineText(files, t.file, t.line) })),
    shared: sharedValues(trace),
    trace,
  };
}
