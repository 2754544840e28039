// Which strategy, seed and depth each schedule of a run uses. A failing schedule is
// replayed from (strategy, seed) alone, so everything else a schedule needs is derived from
// them: PCT's depth, when not given, is 1 + seed mod 3, switch's 2–4 (SWITCH_DEPTHS); k
// comes from the rr dry run.

import type { ExploreStrategy, ReplayStrategy, StrategyName } from "../../protocol/strategies";

export { EXPLORE_STRATEGIES } from "../../protocol/strategies";
export type { ExploreStrategy, ReplayStrategy } from "../../protocol/strategies";

export interface PlannedSchedule {
  strategy: Exclude<ReplayStrategy, "dfs">;
  seed: number;
  depth: number;
}

/**
 * The portfolio after the rr baseline: `switch` in every other schedule (exactly 2–4
 * preemptions at synchronization points: the bugs that need three between two threads,
 * which PCT at depth ≤ 3 cannot place), and between them delay (half of its schedules
 * focused on one thread) twice as often as PCT at depths 1–3 and random. Issue 10 measured
 * the shares on bench/search-power (`npm run bench`, section f).
 */
const PORTFOLIO: readonly Exclude<ReplayStrategy, "dfs" | "rr">[] = [
  "pct",
  "switch",
  "delay",
  "switch",
  "random",
  "switch",
  "delay",
  "switch",
];

/** `switch` preemptions by seed: mostly three (two and four bracket it). */
const SWITCH_DEPTHS = [3, 2, 3, 3, 4, 3] as const;

export function depthFor(strategy: string, seed: number, explicit: number | undefined): number {
  if (explicit !== undefined) return explicit;
  const s = Math.abs(Math.trunc(seed));
  if (strategy === "pct") return 1 + (s % 3);
  if (strategy === "switch") return SWITCH_DEPTHS[s % SWITCH_DEPTHS.length]!;
  return 3;
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
