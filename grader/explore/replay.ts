// One schedule replayed with the trace on (the `replay` command): by strategy and seed, by
// dfs index, or by the decisions of a failure (`--schedule`).

import type { ScheduleConfig, ScheduleResult } from "../protocol/types";
import type { Session } from "../isolate/session";
import { verdictOf } from "../protocol/verdict";
import { PreemptionBoundedDfs } from "../engine/strategies/dfs";
import { planSchedule, type ReplayStrategy } from "../engine/strategies/portfolio";
import { attempt, baseConfig, configSeed, hashTrace } from "./attempt";
import { attemptQuiet } from "./confirm-deadlock";
import { explore } from "./explore";
import type { ExploreOptions, ExploreReport } from "./types";

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
