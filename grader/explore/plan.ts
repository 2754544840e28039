// Which strategy, seed and depth each schedule of a run uses. A failing schedule is
// replayed from (strategy, seed) alone, so everything else a schedule needs is derived from
// them: PCT's depth, when not given, is 1 + seed mod 3; k comes from the rr dry run.

import type { StrategyName } from "../runtime/types";

export const EXPLORE_STRATEGIES = ["portfolio", "rr", "random", "pct", "delay", "dfs"] as const;
export type ExploreStrategy = (typeof EXPLORE_STRATEGIES)[number];
export type ReplayStrategy = Exclude<ExploreStrategy, "portfolio">;

export interface PlannedSchedule {
  strategy: Exclude<ReplayStrategy, "dfs">;
  seed: number;
  depth: number;
}

/** The portfolio after the rr baseline: PCT at depths 1–3 (through the seed), random and delay. */
const PORTFOLIO: readonly Exclude<ReplayStrategy, "dfs" | "rr">[] = ["pct", "random", "pct", "delay", "pct"];

export function depthFor(strategy: string, seed: number, explicit: number | undefined): number {
  if (explicit !== undefined) return explicit;
  return strategy === "pct" ? 1 + (Math.abs(Math.trunc(seed)) % 3) : 3;
}

/**
 * The seed of schedule `index` of a run with base seed `base`: the base itself for the
 * first schedule (so `run --seed S --runs 1` and `replay --seed S` agree), then a hash of
 * both, so that runs with nearby base seeds explore independent schedules.
 */
export function scheduleSeed(base: number, index: number): number {
  if (index === 0) return base;
  let h = (Math.imul(base >>> 0, 0x9e3779b1) ^ Math.imul(index, 0x85ebca6b) ^ Math.floor(base / 0x100000000)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

export function planSchedule(
  strategy: Exclude<ExploreStrategy, "dfs">,
  index: number,
  baseSeed: number,
  depth: number | undefined,
): PlannedSchedule {
  const seed = scheduleSeed(baseSeed, index);
  if (strategy === "portfolio") {
    if (index === 0) return { strategy: "rr", seed, depth: depthFor("rr", seed, depth) };
    const s = PORTFOLIO[(index - 1) % PORTFOLIO.length]!;
    return { strategy: s, seed, depth: depthFor(s, seed, depth) };
  }
  return { strategy, seed, depth: depthFor(strategy, seed, depth) };
}

export function toStrategyName(s: Exclude<ReplayStrategy, "dfs">): StrategyName {
  return s;
}
