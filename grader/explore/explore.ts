// Runs a program under many schedules and reports the first failure with everything needed
// to see and replay it: the un-stressed baseline first (for the makespan and to tell a
// wrong program from a racy one), then the chosen strategy, then a traced replay of the
// failing schedule.

import { createHash } from "node:crypto";
import type { ScheduleConfig, ScheduleOutcome, ScheduleResult, TraceEvent } from "../protocol/types";
import { SandboxFailure, type Session } from "../isolate/session";
import { verdictOf, type HostOutcomeKind, type Verdict } from "../protocol/verdict";
import { PreemptionBoundedDfs } from "../engine/strategies/dfs";
import { analyzeLiveness, type LivenessVerdict } from "../detect/starvation/liveness";
import { shrinkSchedule } from "./shrink";
import { planSchedule, type ExploreStrategy, type ReplayStrategy } from "../engine/strategies/portfolio";

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
  outcome: ScheduleOutcome;
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

/** Directed schedules tried to turn a predicted deadlock into a real one. */
const DIRECTED_ATTEMPTS = 40;

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
}

type Attempt = { result: ScheduleResult } | { sandbox: SandboxFailure };

export function baseConfig(
  options: Pick<ExploreOptions, "cores" | "maxSteps" | "entryModule" | "entryExport" | "detectors">,
): ScheduleConfig {
  return {
    strategy: "rr",
    seed: 0,
    depth: 3,
    expectedSteps: 1,
    guide: [],
    cores: options.cores,
    maxSteps: options.maxSteps,
    trace: false,
    recordOptions: false,
    entryModule: options.entryModule,
    entryExport: options.entryExport,
    detectRaces: options.detectors !== false,
    detectLockOrder: options.detectors !== false,
  };
}

/**
 * The seed a schedule's config carries, which also seeds the program's Math.random (boot.ts).
 * rr and dfs schedules ignore the seed asked for and use the base one, 0: the un-stressed run
 * (and PCT's k, its length) is then the same whatever the seed, and so is every replay of an
 * rr or dfs failure, by `--strategy rr`, by dfs index or by `--schedule` (issue 9).
 */
export function configSeed(strategy: string, seed: number): number {
  return strategy === "rr" || strategy === "dfs" ? 0 : seed;
}

function attempt(session: Session, config: ScheduleConfig): Attempt {
  try {
    return { result: session.runSchedule(config) };
  } catch (error) {
    if (error instanceof SandboxFailure) return { sandbox: error };
    throw error;
  }
}

function kindOf(a: Attempt): HostOutcomeKind {
  return "result" in a ? a.result.outcome.kind : a.sandbox.kind;
}

export function hashTrace(trace: readonly TraceEvent[]): string {
  return createHash("sha256").update(JSON.stringify(trace)).digest("hex").slice(0, 16);
}

export function explore(session: Session, options: ExploreOptions): ExploreReport {
  const started = performance.now();
  const base = baseConfig(options);
  const warnings: string[] = [];
  base.quietCycles = [];
  const confirmations = new Map<Attempt, DeadlockConfirmation>();
  const run = (config: ScheduleConfig): Attempt => {
    const r = attemptQuiet(session, config, base.quietCycles!, warnings);
    if (r.confirmation) confirmations.set(r.a, r.confirmation);
    return r.a;
  };
  const baseline = run(base);
  const baselineKind = kindOf(baseline);
  // PCT's k: the length of the un-stressed run, in scheduling points.
  const k = "result" in baseline ? Math.max(1, baseline.result.steps) : 100;
  base.expectedSyncPoints = "result" in baseline ? baseline.result.syncPoints : undefined;
  const report: ExploreReport = {
    verdict: "passed",
    schedulesRun: 0,
    strategy: options.strategy,
    seed: options.seed,
    depth: options.depth,
    cores: options.cores,
    detectors: options.detectors !== false,
    makespan: "result" in baseline && baselineKind === "passed" ? baseline.result.time : null,
    work: "result" in baseline ? baseline.result.work : 0,
    baseline: {
      kind: baselineKind,
      steps: "result" in baseline ? baseline.result.steps : 0,
      syncPoints: "result" in baseline ? baseline.result.syncPoints : undefined,
    },
    byStrategy: {},
    warnings,
  };
  const outOfTime = () => {
    if (options.timeBudgetMs === undefined || performance.now() - started <= options.timeBudgetMs) return false;
    report.budgetExhausted = true;
    report.verdict = "timeout";
    report.elapsedMs = Math.round(performance.now() - started);
    return true;
  };
  const onBaselineFailed = baselineKind !== "passed";

  const fail = (
    index: number,
    strategy: ReplayStrategy,
    seed: number,
    depth: number | undefined,
    config: ScheduleConfig,
    a: Attempt,
  ) => {
    report.failure = buildFailure(
      session,
      index,
      strategy,
      seed,
      depth,
      { ...config, quietCycles: base.quietCycles },
      a,
      onBaselineFailed,
      confirmations.get(a),
    );
    report.verdict = report.failure.verdict;
  };

  // A program that fails without any stress fails, whatever strategy was asked for: report
  // the un-stressed schedule itself (it replays with --strategy rr).
  if (onBaselineFailed && options.strategy !== "portfolio" && options.strategy !== "rr" && options.strategy !== "dfs") {
    report.schedulesRun = 1;
    report.byStrategy.rr = 1;
    fail(0, "rr", options.seed, undefined, base, baseline);
    return report;
  }

  if (options.strategy === "dfs") {
    const bound = options.depth ?? 2;
    const dfs = new PreemptionBoundedDfs(bound);
    for (let i = 0; i < options.runs; i++) {
      const prefix = dfs.next();
      if (prefix === null) {
        report.exhaustive = true;
        break;
      }
      if (outOfTime()) break;
      const config = { ...base, strategy: "guided" as const, guide: prefix, recordOptions: true };
      const a = run(config);
      report.schedulesRun++;
      report.byStrategy.dfs = (report.byStrategy.dfs ?? 0) + 1;
      if (kindOf(a) !== "passed") {
        fail(i, "dfs", i, bound, { ...config, recordOptions: false }, a);
        return report;
      }
      if ("result" in a) dfs.explored(prefix, a.result.options ?? []);
    }
    return report;
  }

  const runs = options.strategy === "rr" ? 1 : options.runs;
  for (let i = 0; i < runs; i++) {
    if (i > 0 && outOfTime()) break;
    const plan = planSchedule(options.strategy, i, options.seed, options.depth);
    const config: ScheduleConfig = {
      ...base,
      strategy: plan.strategy,
      seed: configSeed(plan.strategy, plan.seed),
      depth: plan.depth,
      expectedSteps: k,
    };
    const a = plan.strategy === "rr" ? baseline : run(config);
    report.schedulesRun++;
    report.byStrategy[plan.strategy] = (report.byStrategy[plan.strategy] ?? 0) + 1;
    if (kindOf(a) !== "passed") {
      fail(
        i,
        plan.strategy,
        plan.seed,
        plan.strategy === "rr" || plan.strategy === "random" ? undefined : plan.depth,
        config,
        a,
      );
      // Sampling costs as much as the failing schedule did: not for budget or sandbox failures.
      const kind = kindOf(a);
      if (kind !== "step-limit" && kind !== "cpu-timeout" && kind !== "memory")
        report.failingShare = sampleShare(session, options, base, k, i);
      return report;
    }
  }
  return report;
}

/** Unconfirmed lock-order cycles quieted in one run at the most (each costs a DeadlockFuzzer search). */
const MAX_QUIET_CYCLES = 8;

/**
 * Run a schedule; a lock-order cycle it reports is first handed to DeadlockFuzzer. A cycle
 * no directed schedule can close is usually guarded by the program's own state (the first
 * reader of a readers–writer lock takes the resource lock, the last one gives it back): it
 * becomes a warning, is quieted for the rest of the run, and the schedule runs again.
 */
function attemptQuiet(
  session: Session,
  config: ScheduleConfig,
  quiet: string[][],
  warnings: string[],
): { a: Attempt; confirmation?: DeadlockConfirmation } {
  for (;;) {
    const a = attempt(session, { ...config, quietCycles: quiet });
    if (!("result" in a) || a.result.outcome.kind !== "potential-deadlock" || quiet.length >= MAX_QUIET_CYCLES)
      return { a };
    const confirmation = confirmDeadlock(session, { ...config, quietCycles: quiet }, a.result.outcome);
    if (confirmation.happened) return { a, confirmation };
    const locks = (a.result.outcome.lockOrder ?? []).map((e) => e.held);
    quiet.push([...locks].sort());
    warnings.push(
      `The locks ${locks.map((l) => `'${l}'`).join(" → ")} are taken in a cycle, but ${confirmation.attempts} directed schedules could not make it deadlock: the program's own state seems to keep the cycle from closing. Taking the locks in one order is still the safer design.`,
    );
  }
}

/** Schedules sampled after the first failure to estimate the failing share. */
const SHARE_SAMPLE = 100;
/** ... and at most this much real time. */
const SHARE_SAMPLE_MS = 1_000;

function sampleShare(
  session: Session,
  options: ExploreOptions,
  base: ScheduleConfig,
  k: number,
  failedAt: number,
): { failed: number; explored: number } {
  let failed = 1;
  let explored = failedAt + 1;
  if (options.strategy === "rr") return { failed, explored };
  const end = Math.min(options.runs, failedAt + 1 + SHARE_SAMPLE);
  const started = performance.now();
  for (let i = failedAt + 1; i < end && performance.now() - started < SHARE_SAMPLE_MS; i++) {
    const plan = planSchedule(options.strategy as Exclude<ExploreStrategy, "dfs">, i, options.seed, options.depth);
    if (plan.strategy === "rr") continue;
    const a = attempt(session, {
      ...base,
      strategy: plan.strategy,
      seed: plan.seed,
      depth: plan.depth,
      expectedSteps: k,
    });
    explored++;
    if (kindOf(a) !== "passed") failed++;
  }
  return { failed, explored };
}

/** Replay the failing schedule with the trace on; the replay must fail the same way. */
function buildFailure(
  session: Session,
  index: number,
  strategy: ReplayStrategy,
  seed: number,
  depth: number | undefined,
  config: ScheduleConfig,
  found: Attempt,
  baselineFailed: boolean,
  confirmation?: DeadlockConfirmation,
): Failure {
  const kind = kindOf(found);
  const onBaseline = strategy === "rr" || baselineFailed;
  const verdict = verdictOf(kind, onBaseline);
  if ("sandbox" in found) {
    return {
      verdict,
      kind,
      message: found.sandbox.message,
      schedule: index,
      strategy,
      seed,
      depth,
      preemptions: 0,
      steps: 0,
      outcome: { kind: "error", message: found.sandbox.message },
      decisions: [],
      trace: [],
      traceHash: hashTrace([]),
      threads: [],
    };
  }
  const traced = attempt(session, { ...config, trace: true });
  const result = "result" in traced ? traced.result : found.result;
  if ("result" in traced && traced.result.outcome.kind !== found.result.outcome.kind) {
    throw new Error(
      `internal error: the failing schedule did not reproduce (${found.result.outcome.kind} became ${traced.result.outcome.kind}); please report this program`,
    );
  }
  const trace = result.trace ?? [];
  const failure: Failure = {
    verdict,
    kind,
    message: result.outcome.message,
    schedule: index,
    strategy,
    seed,
    depth,
    preemptions: result.preemptions,
    steps: result.steps,
    outcome: result.outcome,
    decisions: result.decisions,
    trace,
    traceHash: hashTrace(trace),
    threads: result.threads,
  };
  if (kind === "step-limit" && result.outcome.budget === "cpu") {
    // The CPU budget (a loop with no scheduling point): the outcome's own message says where.
    failure.verdict = "timeout";
  } else if (kind === "step-limit") {
    failure.liveness = analyzeLiveness(trace, liveThreads(result), config.maxSteps);
    failure.verdict = failure.liveness.verdict;
    failure.message = failure.liveness.message;
  } else if (kind === "potential-deadlock") {
    failure.confirmation = confirmation ?? confirmDeadlock(session, config, result.outcome);
  } else if (result.preemptions > 0 && kind !== "escaped" && kind !== "data-race") {
    // (A data race is reported from the two accesses, whatever the interleaving: nothing to shrink.)
    const shrunk = shrinkSchedule(session, config, found.result);
    if (shrunk.preemptions < result.preemptions || shrunk.steps < result.steps) {
      const replayed = attempt(session, {
        ...config,
        strategy: "guided",
        guide: shrunk.decisions,
        trace: true,
        recordOptions: false,
      });
      if ("result" in replayed && replayed.result.outcome.kind === kind) {
        const t = replayed.result.trace ?? [];
        failure.shrunk = { ...shrunk, trace: t, traceHash: hashTrace(t), message: replayed.result.outcome.message };
      }
    }
  }
  return failure;
}

/** Threads that had not ended when the schedule stopped; one waiting in join is waiting, not starving. */
function liveThreads(result: ScheduleResult): string[] {
  return result.finalStates.filter((t) => t.state !== "done" && t.op !== "join").map((t) => t.thread);
}

/** DeadlockFuzzer: pause threads at the cycle's acquisitions until the deadlock closes. */
function confirmDeadlock(session: Session, config: ScheduleConfig, outcome: ScheduleOutcome): DeadlockConfirmation {
  const directed = (outcome.lockOrder ?? []).map((e) => ({ thread: e.thread, held: e.held, acquired: e.acquired }));
  const base: ScheduleConfig = {
    ...config,
    strategy: "directed",
    directed,
    detectLockOrder: false,
    detectRaces: false,
    trace: false,
    recordOptions: false,
  };
  for (let i = 0; i < DIRECTED_ATTEMPTS; i++) {
    const a = attempt(session, { ...base, seed: config.seed + i });
    if ("result" in a && a.result.outcome.kind === "deadlock") {
      const traced = attempt(session, { ...base, strategy: "guided", guide: a.result.decisions, trace: true });
      const trace = "result" in traced ? (traced.result.trace ?? []) : [];
      return {
        happened: true,
        attempts: i + 1,
        decisions: a.result.decisions,
        trace,
        traceHash: hashTrace(trace),
        message: "result" in traced ? traced.result.outcome.message : a.result.outcome.message,
      };
    }
  }
  return { happened: false, attempts: DIRECTED_ATTEMPTS };
}

/** Run one schedule with the trace on (the `replay` command). */
export function replayOne(
  session: Session,
  options: Omit<ExploreOptions, "runs" | "strategy" | "timeBudgetMs"> & {
    strategy: ReplayStrategy;
    decisions?: number[];
    /** The seed of a `decisions` replay's config (Math.random's): `seed` unless given. */
    programSeed?: number;
  },
): { report: ExploreReport; result: ScheduleResult | null } {
  if (options.strategy === "dfs" && options.decisions === undefined) {
    // A dfs schedule is named by its index in the enumeration: enumerate up to it.
    const dfs = new PreemptionBoundedDfs(options.depth ?? 2);
    const base = baseConfig(options);
    let prefix: number[] | null = [];
    for (let i = 0; i <= options.seed; i++) {
      prefix = dfs.next();
      if (prefix === null) break;
      if (i === options.seed) break;
      const a = attempt(session, { ...base, strategy: "guided", guide: prefix, recordOptions: true });
      if ("result" in a) dfs.explored(prefix, a.result.options ?? []);
    }
    if (prefix === null)
      throw new RangeError(`dfs has no schedule ${options.seed} at preemption bound ${options.depth ?? 2}`);
    return replayOne(session, { ...options, decisions: prefix, programSeed: 0 });
  }
  const report = explore(session, { ...options, strategy: "rr", runs: 1 });
  const base = baseConfig(options);
  base.expectedSyncPoints = report.baseline.syncPoints;
  const k = Math.max(1, report.baseline.steps);
  const config: ScheduleConfig =
    options.decisions !== undefined
      ? {
          ...base,
          seed: options.programSeed ?? options.seed,
          strategy: "guided",
          guide: options.decisions,
          trace: true,
        }
      : (() => {
          const plan = planSchedule(options.strategy as Exclude<ReplayStrategy, "dfs">, 0, options.seed, options.depth);
          return {
            ...base,
            strategy: plan.strategy,
            seed: configSeed(plan.strategy, plan.seed),
            depth: plan.depth,
            expectedSteps: k,
            trace: true,
          };
        })();
  const quiet: string[][] = [];
  const { a, confirmation } = attemptQuiet(session, config, quiet, report.warnings);
  report.strategy = options.strategy;
  report.seed = options.seed;
  report.schedulesRun = 1;
  report.byStrategy = { [options.strategy]: 1 };
  report.failure = undefined;
  report.verdict = "passed";
  if ("sandbox" in a) {
    report.verdict = verdictOf(a.sandbox.kind, report.baseline.kind !== "passed");
    return { report, result: null };
  }
  const kind = a.result.outcome.kind;
  if (kind !== "passed") {
    const onBaseline = options.strategy === "rr" || report.baseline.kind !== "passed";
    const trace = a.result.trace ?? [];
    report.verdict = verdictOf(kind, onBaseline);
    report.failure = {
      verdict: report.verdict,
      kind,
      message: a.result.outcome.message,
      schedule: 0,
      strategy: options.strategy,
      seed: options.seed,
      depth: options.depth,
      preemptions: a.result.preemptions,
      steps: a.result.steps,
      outcome: a.result.outcome,
      decisions: a.result.decisions,
      trace,
      traceHash: hashTrace(trace),
      threads: a.result.threads,
      confirmation,
    };
  }
  return { report, result: a.result };
}
