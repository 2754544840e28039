// One schedule in the sandbox, and the configs every schedule of a run starts from. A
// sandbox failure (CPU timeout, memory) is an outcome like the runtime's own, not an error.

import { createHash } from "node:crypto";
import type { ScheduleConfig, ScheduleResult, TraceEvent } from "../protocol/types";
import { SandboxFailure, type Session } from "../isolate/session";
import type { HostOutcomeKind } from "../protocol/verdict";
import type { ExploreOptions } from "./types";

export type Attempt = { result: ScheduleResult } | { sandbox: SandboxFailure };

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

export function attempt(session: Session, config: ScheduleConfig): Attempt {
  try {
    return { result: session.runSchedule(config) };
  } catch (error) {
    if (error instanceof SandboxFailure) return { sandbox: error };
    throw error;
  }
}

export function kindOf(a: Attempt): HostOutcomeKind {
  return "result" in a ? a.result.outcome.kind : a.sandbox.kind;
}

export function hashTrace(trace: readonly TraceEvent[]): string {
  return createHash("sha256").update(JSON.stringify(trace)).digest("hex").slice(0, 16);
}
