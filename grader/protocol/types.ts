// Data that crosses the isolate boundary. The runtime (inside the isolate) produces these;
// the host parses them again with zod (result-schema.ts) because anything that comes out of
// the sandbox is untrusted. Plain types, no zod: the isolate bundle imports them (type-only)
// and the editor's declarations (public/interleave.d.ts) are generated from them.

import type { Utilisation } from "./utilisation";
import type { StrategyName } from "./strategies";

export type { StrategyName } from "./strategies";

export interface ScheduleConfig {
  strategy: StrategyName;
  seed: number;
  /** PCT depth d (number of priority change points + 1). */
  depth: number;
  /** Expected number of scheduling decisions (k in the PCT paper), from the rr dry run. */
  expectedSteps: number;
  /** Expected number of points before a synchronization where another thread could run (the `switch` strategy's k), from the rr dry run. */
  expectedSyncPoints?: number;
  /** guided: thread ids forced at the first decisions, then the rr rule. */
  guide: number[];
  /** guided, while shrinking: a forced thread that cannot run falls back to rr instead of diverging. */
  lenient?: boolean;
  /** Virtual cores that `work()` may occupy at once. */
  cores: number;
  /** Scheduling points allowed before the schedule is cut off. */
  maxSteps: number;
  /** Record the full trace (with lines); exploration runs without it, replays with it. */
  trace: boolean;
  /**
   * A traced replay of a schedule already run untraced: that run's `events`. The events the
   * trace would drop from its front (it keeps the last 5,000–10,000) are then counted without
   * being recorded, and the trace comes out the same, only faster (issue 17).
   */
  traceEventsKnown?: number;
  /**
   * With `traceEventsKnown`, for a schedule that ends in its step budget: the untraced run's
   * `windowSites`. Before the window, only these operations' sites are captured: the replay
   * then costs little more than the untraced run (issue 17).
   */
  windowSites?: [number, number][];
  /** Record the runnable set at every decision (for dfs and shrinking). */
  recordOptions: boolean;
  /**
   * Stop the schedule at this decision instead of taking it ("you are the scheduler": the
   * `step` task replays a guided prefix and shows where every thread stands). The result
   * then carries `stopped`.
   */
  stopAfterDecisions?: number;
  /** Module that holds the entry point, and the export to call. */
  entryModule: string;
  entryExport: string;
  /** Lock-order cycles (sorted lock names) that DeadlockFuzzer could not confirm: not reported again. */
  quietCycles?: string[][];
  /** directed: the lock-order cycle to make happen (DeadlockFuzzer). */
  directed?: { thread: string; held: string; acquired: string }[];
  /** Whether the race detector and the lock-order detector are on. */
  detectRaces: boolean;
  detectLockOrder: boolean;
  /**
   * Python's GIL (issue 5): the compute of a process's threads is serialized, with a 5 ms
   * switch interval; processes each have their own. Also settable by the runtime-options
   * module (grader/perf/runtime-options.ts), which is how exercises and the CLI pass it.
   */
  gil?: boolean;
  /** CPU budget in cost units (costs.ts); default maxSteps × UNITS_PER_STEP_BUDGET. */
  maxUnits?: number;
}

export interface TraceEvent {
  step: number;
  thread: string;
  op: string;
  target?: string;
  value?: string;
  line?: number;
  file?: string;
  time: number;
}

/** One scheduling decision: who ran next, who could have, and who asked. */
export interface DecisionRecord {
  chosen: number;
  runnable: number[];
  /** Thread that reached the decision and could go on (-1 when it blocked or ended). */
  current: number;
}

/** How a schedule ended, as the runtime says it. */
export const OUTCOME_KINDS = [
  "passed",
  "assertion",
  "error",
  "deadlock",
  "potential-deadlock",
  "data-race",
  "step-limit",
  "escaped",
  "misuse",
  "diverged",
] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

export interface SourceSite {
  file?: string;
  line?: number;
}

export interface WaitEdge {
  thread: string;
  op: string;
  target: string;
  holder?: string;
  file?: string;
  line?: number;
}

export interface RaceAccess {
  thread: string;
  op: "read" | "write";
  target: string;
  file?: string;
  line?: number;
  step: number;
}

export interface LockOrderEdge {
  thread: string;
  held: string;
  acquired: string;
  heldAt?: SourceSite;
  acquiredAt?: SourceSite;
}

/** The two accesses of a data race, which nothing orders (happens-before). */
export interface RacePair {
  target: string;
  kind: string;
  first: RaceAccess;
  second: RaceAccess;
}

/** Where a failure happened: the thread that failed and its source line, when known. */
export interface FailureSite {
  thread?: string;
  file?: string;
  line?: number;
}

/**
 * How a schedule ended: a closed union on `kind` (Lincheck's `LincheckFailure`), each member
 * with the evidence its producer always sets. result-schema.ts parses the same union (its
 * test checks the two agree).
 */
export type ScheduleOutcome =
  | PassedOutcome
  | PlainFailure
  | DeadlockOutcome
  | PotentialDeadlockOutcome
  | DataRaceOutcome
  | StepLimitOutcome;

/** A schedule that did not fail (also one stopped after `stopAfterDecisions`). */
export interface PassedOutcome {
  kind: "passed";
  message: string;
}

/** Failures that carry no evidence but where they happened. */
export type PlainFailureKind = "assertion" | "error" | "escaped" | "misuse" | "diverged";
export interface PlainFailureOf<K extends PlainFailureKind> extends FailureSite {
  kind: K;
  message: string;
}
export type PlainFailure = { [K in PlainFailureKind]: PlainFailureOf<K> }[PlainFailureKind];

/** Every live thread blocked (detect/deadlock/wait-for.ts). */
export interface DeadlockOutcome extends FailureSite {
  kind: "deadlock";
  message: string;
  /** Every blocked thread and what it waits for. */
  waits: WaitEdge[];
  /** The wait-for cycle, if there is one. */
  cycle?: string[];
}

/** Locks taken in a cycle that could close in another schedule (detect/deadlock/lock-order.ts). */
export interface PotentialDeadlockOutcome extends FailureSite {
  kind: "potential-deadlock";
  message: string;
  lockOrder: LockOrderEdge[];
}

/** Two unordered accesses to one variable, one of them a write (detect/race/). */
export interface DataRaceOutcome extends FailureSite {
  kind: "data-race";
  message: string;
  race: RacePair;
}

/** The scheduling points or the CPU budget ran out. */
export interface StepLimitOutcome extends FailureSite {
  kind: "step-limit";
  message: string;
  /** "cpu" when the CPU budget ran out (computation), not the scheduling points. */
  budget?: "cpu";
}

/** Every way a schedule can fail. */
export type FailureOutcome = Exclude<ScheduleOutcome, PassedOutcome>;

type WithoutSite<O> = O extends unknown ? Omit<O, keyof FailureSite> : never;

/** A failure as its producer reports it (Scheduler.fail adds the thread and the site). */
export type FailureReport = WithoutSite<FailureOutcome>;

export interface MetricSummary {
  count: number;
  min: number;
  max: number;
  mean: number;
  p50: number;
  p95: number;
}

export interface SchedulePerfProfile {
  /** Virtual time with exactly one thread computing. */
  serialTime: number;
  /** Virtual time with two or more threads computing. */
  parallelTime: number;
  /** Serial time by source line, largest first. */
  serial: { file: string; line: number; time: number }[];
}

export interface ScheduleResult {
  outcome: ScheduleOutcome;
  steps: number;
  /** Points before a synchronization (not a plain Shared access) where another thread could have run. */
  syncPoints?: number;
  decisions: number[];
  options?: DecisionRecord[];
  preemptions: number;
  /** Virtual time when the schedule ended (the makespan when it passed). */
  time: number;
  /** Virtual CPU time of the whole schedule: work(), instrumented computation, copies between processes. */
  work: number;
  /** Cost units counted (instrumented statements and runtime operations). */
  units?: number;
  /** Virtual processes, the main one included. */
  processes?: number;
  /** Measurements by name (Server request latencies, harness `measure` calls). */
  metrics?: Record<string, MetricSummary>;
  /** Traced schedules: when only one thread was computing, and where (speedup explanations). */
  profile?: SchedulePerfProfile;
  /** Traced schedules: what every thread did over virtual time (busy, waiting for a core, the GIL, a lock...). */
  utilisation?: Utilisation;
  threads: string[];
  trace?: TraceEvent[];
  /** Where every started thread was when the schedule ended. */
  finalStates: { thread: string; state: string; op?: string; target?: string }[];
  /** Events dropped from the front of a very long trace. */
  traceDropped?: number;
  /** Trace events the schedule produced, traced or not (a traced replay's `traceEventsKnown`). */
  events?: number;
  /**
   * Untraced, ended by its step budget, longer than a trace keeps: the operations and waits
   * (thread id, its site number) still pending when the trace's window opens, the only sites
   * before it a replay needs (`ScheduleConfig.windowSites`).
   */
  windowSites?: [number, number][];
  /** The schedule was stopped at a decision (`stopAfterDecisions`): where every thread stands. */
  stopped?: StoppedState;
}

/** A thread where a stopped schedule left it: the operation it takes when it runs next, and where. */
export interface StoppedThread {
  /** The thread id: the number a schedule (`guide`, `--schedule`) names it by. */
  id: number;
  name: string;
  state: string;
  /** The runtime operation it waits at (`get`, `set`, `acquire`...; `start` before its first step). */
  op?: string;
  /** What a blocked thread waits for. */
  target?: string;
  file?: string;
  line?: number;
}

export interface StoppedState {
  /** Decisions taken before the stop (the prefix's length). */
  after: number;
  /** Threads that may take the next step. */
  runnable: number[];
  threads: StoppedThread[];
}
