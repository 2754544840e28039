// After the first failure, how often does the bug show? More schedules of the same plan
// are sampled (Coyote: "Found 2.94% buggy schedules").

import type { ScheduleConfig } from "../protocol/types";
import type { Session } from "../isolate/session";
import { planSchedule, type ExploreStrategy } from "../engine/strategies/portfolio";
import { attempt, kindOf } from "./attempt";
import type { ExploreOptions } from "./types";

/** Schedules sampled after the first failure to estimate the failing share. */
const SHARE_SAMPLE = 100;
/** ... and at most this much real time. */
const SHARE_SAMPLE_MS = 1_000;

export function sampleShare(
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
