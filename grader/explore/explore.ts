// Runs a program under many schedules and reports the first failure with everything needed
// to see and replay it: the un-stressed baseline first (for the makespan and to tell a
// wrong program from a racy one), then the chosen strategy, then a traced replay of the
// failing schedule.

import type { ScheduleConfig } from "../protocol/types";
import type { Session } from "../isolate/session";
import { PreemptionBoundedDfs } from "../engine/strategies/dfs";
import { planSchedule, type ReplayStrategy } from "../engine/strategies/portfolio";
import { baseConfig, configSeed, kindOf, type Attempt } from "./attempt";
import { attemptQuiet } from "./confirm-deadlock";
import { sampleShare } from "./failing-share";
import { buildFailure } from "./failure";
import type { DeadlockConfirmation, ExploreOptions, ExploreReport } from "./types";

export { baseConfig, configSeed, hashTrace } from "./attempt";
export type {
  DeadlockConfirmation,
  ExploreOptions,
  ExploreProgress,
  ExploreReport,
  Failure,
  ShrunkFailure,
} from "./types";

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
    if (options.slice?.locateOnly && options.slice.from > 0) {
      report.failedAt = 0;
      return report;
    }
    fail(0, "rr", options.seed, undefined, base, baseline);
    return report;
  }

  // A parallel chunk of a portfolio run (workers/explore-parallel.ts) whose un-stressed schedule
  // fails: the plan's schedule 0 is that schedule, so the run's first failure is 0 wherever the
  // chunk starts. Said at once, instead of exploring the chunk's own first schedule (issue 17:
  // for a spin loop, another run to the step limit).
  if (onBaselineFailed && options.strategy === "portfolio" && options.slice?.locateOnly && options.slice.from > 0) {
    report.schedulesRun = 1;
    report.byStrategy.rr = 1;
    report.failedAt = 0;
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
      options.onProgress?.({ schedulesRun: report.schedulesRun, runs: options.runs, strategy: "dfs" });
      if (kindOf(a) !== "passed") {
        fail(i, "dfs", i, bound, { ...config, recordOptions: false }, a);
        return report;
      }
      if ("result" in a) dfs.explored(prefix, a.result.options ?? []);
    }
    return report;
  }

  const runs = options.strategy === "rr" ? 1 : options.runs;
  const slice = options.slice;
  const from = slice ? Math.max(0, slice.from) : 0;
  const to = slice ? Math.min(runs, slice.to) : runs;
  for (let i = from; i < to; i++) {
    if (i > from && outOfTime()) break;
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
    // (A failing schedule's progress is its report: a parallel run starts its other chunks
    // on the first chunk's first progress, i.e. once schedule 0 has passed.)
    if (kindOf(a) === "passed")
      options.onProgress?.({ schedulesRun: report.schedulesRun, runs, strategy: plan.strategy });
    else {
      // A slice that locates only says where; but schedule 0 failing is the run's first
      // failure wherever the others are, and no other chunk has started: built here, once.
      if (slice?.locateOnly && i > 0) {
        report.failedAt = i;
        return report;
      }
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
