// Section (b) and (c) of `npm run bench`: how many schedules each strategy needs to expose
// each bundled bug, and whether the correct programs survive the portfolio.

import { explore, type ExploreReport } from "../grader/explore/explore";
import type { ExploreStrategy } from "../grader/engine/strategies/portfolio";
import { Session } from "../grader/isolate/session";
import type { BenchProgram } from "./corpus";

/** The strategies compared; dfs runs with its default preemption bound. */
export const SEARCH_STRATEGIES = [
  "portfolio",
  "random",
  "pct",
  "delay",
  "switch",
  "dfs",
] as const satisfies readonly ExploreStrategy[];
export type SearchStrategy = (typeof SEARCH_STRATEGIES)[number];

/** The CLI's defaults (grader/cli/main.ts DEFAULTS), so the figures match `interleave run`. */
export const RUN_DEFAULTS = { seed: 1, cores: 4, maxSteps: 100_000 };

export interface SearchResult {
  program: string;
  strategy: SearchStrategy;
  /** Race and lock-order detectors on (as shipped) or off (the schedule alone must expose the bug). */
  detectors: boolean;
  found: boolean;
  verdict: string;
  kind?: string;
  /** Schedules run up to and including the first failing one (failure.schedule + 1); null when not found. */
  schedulesToFailure: number | null;
  schedulesRun: number;
  exhaustive: boolean;
  /** Preemptions in the failing schedule as found, and after shrinking (when it shrank). */
  preemptions: number | null;
  shrunkPreemptions: number | null;
  ms: number;
}

export function runExplore(
  session: Session,
  strategy: ExploreStrategy,
  runs: number,
  detectors: boolean,
  seed = RUN_DEFAULTS.seed,
  depth?: number,
): ExploreReport {
  return explore(session, {
    strategy,
    runs,
    seed,
    depth,
    cores: RUN_DEFAULTS.cores,
    maxSteps: RUN_DEFAULTS.maxSteps,
    entryModule: "program.ts",
    entryExport: "default",
    detectors,
  });
}

export function openSession(p: BenchProgram): Session {
  return Session.create([{ name: "program.ts", displayName: `${p.name}.ts`, source: p.source }]);
}

export function searchBug(p: BenchProgram, strategy: SearchStrategy, runs: number, detectors: boolean): SearchResult {
  const session = openSession(p);
  const started = performance.now();
  try {
    const r = runExplore(session, strategy, runs, detectors);
    return {
      program: p.name,
      strategy,
      detectors,
      found: r.failure !== undefined,
      verdict: r.verdict,
      kind: r.failure?.kind,
      schedulesToFailure: r.failure ? r.failure.schedule + 1 : null,
      schedulesRun: r.schedulesRun,
      exhaustive: r.exhaustive === true,
      preemptions: r.failure ? r.failure.preemptions : null,
      shrunkPreemptions: r.failure ? (r.failure.shrunk?.preemptions ?? r.failure.preemptions) : null,
      ms: performance.now() - started,
    };
  } finally {
    session.dispose();
  }
}

export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export interface StrategySummary {
  strategy: SearchStrategy;
  detectors: boolean;
  found: number;
  total: number;
  /** Median schedules to the first failure, counting a miss as the budget + 1 (so misses pull the median up, never down). */
  median: number | null;
  /** Median over the programs found only. */
  medianFound: number | null;
}

export function summarize(
  results: readonly SearchResult[],
  strategy: SearchStrategy,
  detectors: boolean,
  budget: number,
): StrategySummary {
  const mine = results.filter((r) => r.strategy === strategy && r.detectors === detectors);
  const found = mine.filter((r) => r.found);
  return {
    strategy,
    detectors,
    found: found.length,
    total: mine.length,
    median: median(mine.map((r) => r.schedulesToFailure ?? budget + 1)),
    medianFound: median(found.map((r) => r.schedulesToFailure!)),
  };
}
