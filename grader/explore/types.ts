// What exploring a program takes and gives: the options of a run, its report, and the
// failure it found with everything needed to see and replay it.

import type { FailureOutcome, TraceEvent } from "../protocol/types";
import type { HostOutcomeKind, Verdict } from "../protocol/verdict";
import type { ExploreStrategy, ReplayStrategy } from "../engine/strategies/portfolio";
import type { LivenessVerdict } from "../detect/starvation/liveness";
import type { LostUpdate } from "./lost-update";

export interface ExploreOptions {
  strategy: ExploreStrategy;
  runs: number;
  seed: number;
  depth?: number;
  cores: number;
  maxSteps: number;
  entryModule: string;
  entryExport: string;
  /** Stop exploring (reporting what ran) after this much real time. */
  timeBudgetMs?: number;
  /** The race and lock-order detectors (default on; off only to measure their cost or test a harness check alone). */
  detectors?: boolean;
  /**
   * Called after every schedule explored (live progress, issue 14). Not serializable: the
   * sandbox worker sets it (worker-main.ts), never a task. Throttling is the caller's.
   */
  onProgress?: (progress: ExploreProgress) => void;
  /**
   * Parallel exploration (workers/explore-parallel.ts, issue 17): explore only the schedules
   * [from, to) of the plan (planSchedule(i) is a pure function of i, the seed and the depth).
   * With `locateOnly`, stop at the first failure and report only its index (`failedAt`):
   * the caller builds the failure (replay, shrink, lost update, failing share) once.
   */
  slice?: { from: number; to: number; locateOnly?: boolean };
}

/** How far an exploration got: schedules explored of its budget, and the strategy of the last one. */
export interface ExploreProgress {
  schedulesRun: number;
  runs: number;
  strategy: string;
}

export interface Failure {
  verdict: Verdict;
  kind: HostOutcomeKind;
  message: string;
  /** 0-based index of the failing schedule in this run. */
  schedule: number;
  strategy: ReplayStrategy;
  seed: number;
  depth?: number;
  preemptions: number;
  steps: number;
  outcome: FailureOutcome;
  /** The decisions of the failing schedule (thread ids): `replay --schedule` takes them. */
  decisions: number[];
  trace: TraceEvent[];
  traceHash: string;
  threads: string[];
  /** The same failure with the fewest preemptions (then steps) found; replay with `--schedule`. */
  shrunk?: ShrunkFailure;
  /** step-limit schedules: starvation or livelock, or just too much work. */
  liveness?: LivenessVerdict;
  /** A predicted (lock-order) deadlock: did a directed schedule make it really happen? */
  confirmation?: DeadlockConfirmation;
  /** A data race: a real schedule (detectors off) where it loses an update in plain sight. */
  lostUpdate?: LostUpdate;
}

export interface ShrunkFailure {
  decisions: number[];
  preemptions: number;
  steps: number;
  attempts: number;
  trace: TraceEvent[];
  traceHash: string;
  message: string;
}

export interface DeadlockConfirmation {
  happened: boolean;
  /** Directed schedules tried. */
  attempts: number;
  decisions?: number[];
  trace?: TraceEvent[];
  traceHash?: string;
  message?: string;
}

export interface ExploreReport {
  verdict: Verdict;
  schedulesRun: number;
  strategy: ExploreStrategy;
  seed: number;
  depth?: number;
  cores: number;
  /** Whether the race and lock-order detectors were on (replays need the same). */
  detectors: boolean;
  /** GIL mode (set by the caller, which passes it to the sandbox as a runtime option). */
  gil?: boolean;
  /** Virtual time of the un-stressed (rr) schedule; null if it did not finish. */
  makespan: number | null;
  /** Virtual CPU time of the rr schedule's work() calls. */
  work: number;
  baseline: { kind: HostOutcomeKind; steps: number; syncPoints?: number };
  /** How many schedules each concrete strategy ran. */
  byStrategy: Record<string, number>;
  /** dfs only: the bounded space was fully explored. */
  exhaustive?: boolean;
  /**
   * The time budget ran out before `runs` schedules: the verdict is then `timeout` (running
   * out of budget is unknown, not passed; issue 9), with `elapsedMs` of exploring.
   */
  budgetExhausted?: boolean;
  elapsedMs?: number;
  /**
   * After the first failure, more schedules of the same plan are sampled to say how often
   * the bug shows (Coyote: "Found 2.94% buggy schedules"). Counts include the schedules
   * before the failure; the sample does not change `schedulesRun` or the failing schedule.
   */
  failingShare?: { failed: number; explored: number };
  /** Things worth knowing that are not failures (e.g. a lock-order cycle DeadlockFuzzer could not make happen). */
  warnings: string[];
  failure?: Failure;
  /** A `locateOnly` slice: the index of its first failing schedule (the failure is not built). */
  failedAt?: number;
}
