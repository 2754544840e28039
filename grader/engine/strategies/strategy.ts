// The one interface every stress schedule implements (after Shuttle's Scheduler trait).
// The scheduler never branches on which strategy runs: it asks `choose` at every decision
// and `delay` at every scheduling point where the running thread could go on.

export type DecisionReason = "point" | "yield" | "block" | "end";

export interface Decision {
  /** Runnable thread ids, ascending (spawn order). Never empty. */
  readonly runnable: readonly number[];
  /** The thread that reached this decision (it may have blocked or ended). */
  readonly running: number;
  /** True when `running` is itself runnable and could go on without a preemption. */
  readonly canContinue: boolean;
  readonly reason: DecisionReason;
  /** Index of this decision in the schedule (0-based). */
  readonly index: number;
  /**
   * What the running thread does next at a "point": a synchronization ("sync"), a plain
   * Shared access ("access"), or nothing (it resumes after a release-like operation that
   * already took effect). Undefined where it does not matter (block, end).
   */
  readonly kind?: PointKind;
}

export type PointKind = "sync" | "access" | "resume";

export interface Strategy {
  readonly name: string;
  /** The thread that runs next: one of `d.runnable` (or WAIT_FOR_TIME). */
  choose(d: Decision): number;
  /** Virtual milliseconds to delay the running thread at a scheduling point (0: none). */
  delay(d: Decision): number;
  /** A thread was created (PCT assigns its priority here). */
  onSpawn(id: number): void;
}

/** The un-stressed rule: keep running until blocked, yielded or ended; then the next runnable thread in spawn order, cyclically. */
export function roundRobin(d: Decision): number {
  if (d.reason === "point" && d.canContinue) return d.running;
  const { runnable } = d;
  for (const id of runnable) if (id > d.running) return id;
  return runnable[0]!;
}

export class DivergenceError extends Error {}

/** What `choose` may return instead of a thread: hold everyone back and let virtual time pass. */
export const WAIT_FOR_TIME = -1;
