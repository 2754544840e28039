// Helpers for the grader's own tests: run a program given as a string, in this process
// (vitest runs with --no-node-snapshot), without the worker pool.

import type { ExploreOptions, ExploreReport } from "./explore/explore";
import { explore } from "./explore/explore";
import { replayOne } from "./explore/replay";
import type { ReplayStrategy } from "./engine/strategies/portfolio";
import type { ScheduleConfig, ScheduleResult } from "./protocol/types";
import { Session } from "./isolate/session";

export function session(source: string, displayName = "program.ts"): Session {
  return Session.create([{ name: "program.ts", displayName, source }]);
}

export function exploreSource(source: string, options: Partial<ExploreOptions> = {}): ExploreReport {
  const s = session(source);
  try {
    return explore(s, {
      strategy: "portfolio",
      runs: 200,
      seed: 1,
      cores: 4,
      maxSteps: 20_000,
      entryModule: "program.ts",
      entryExport: "default",
      ...options,
    });
  } finally {
    s.dispose();
  }
}

export function replaySource(
  source: string,
  options: {
    strategy: ReplayStrategy;
    seed: number;
    depth?: number;
    cores?: number;
    decisions?: number[];
    maxSteps?: number;
  },
): { report: ExploreReport; result: ScheduleResult | null } {
  const s = session(source);
  try {
    return replayOne(s, { cores: 4, maxSteps: 20_000, entryModule: "program.ts", entryExport: "default", ...options });
  } finally {
    s.dispose();
  }
}

/** Run one schedule of `source` with a given config (rr and traced by default). */
export function runOnce(source: string, config: Partial<ScheduleConfig> = {}): ScheduleResult {
  const s = session(source);
  try {
    return s.runSchedule({
      strategy: "rr",
      seed: 1,
      depth: 3,
      expectedSteps: 50,
      guide: [],
      cores: 4,
      maxSteps: 20_000,
      trace: true,
      recordOptions: false,
      entryModule: "program.ts",
      entryExport: "default",
      detectRaces: true,
      detectLockOrder: true,
      ...config,
    });
  } finally {
    s.dispose();
  }
}

/** A program whose main() runs `body` (TypeScript statements) with the whole API imported. */
export function program(body: string, preamble = ""): string {
  return `import { Thread, spawn, currentThread, sleep, work, yieldNow, now, Shared, SharedArray, AtomicInt, Lock, RLock, Semaphore, BoundedSemaphore, Condition, Event, Barrier, Queue, assert, Full, Empty, BrokenBarrierError, RuntimeError, ValueError } from "interleave";
${preamble}
export default async function main() {
${body}
}
`;
}
