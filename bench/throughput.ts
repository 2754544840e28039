// Section (a) of `npm run bench`: schedules per second for a 4-thread × 50-point program
// with a reused context — `Session.runSchedule` in a loop, as `explore` drives it. The loop
// runs in this one process, on one core: schedules per second here is the per-core figure.
// CPU time (process.cpuUsage) is reported beside wall time because the machine is shared.

import { baseConfig } from "../grader/explore/explore";
import type { ScheduleConfig, StrategyName } from "../grader/runtime/types";
import { Session } from "../grader/sandbox/session";

export const THREADS = 4;
export const POINTS_PER_THREAD = 50;

/** Every thread does 50 scheduling points on shared state; main joins them. */
export const THROUGHPUT_PROGRAM = `import { AtomicInt, Shared, Lock, spawn, assert } from "interleave";
const hits = new AtomicInt(0, "hits");
const mine = Array.from({ length: ${THREADS} }, (_, i) => new Shared(0, "local" + i));
async function worker(i: number) {
  for (let k = 0; k < ${POINTS_PER_THREAD / 2}; k++) {
    await hits.fetchAdd(1);
    await mine[i]!.set(k);
  }
}
export default async function main() {
  const ts = Array.from({ length: ${THREADS} }, (_, i) => spawn(() => worker(i), "T" + i));
  for (const t of ts) await t.join();
  assert((await hits.load()) === ${THREADS * (POINTS_PER_THREAD / 2)}, "hits");
}
`;

export interface ThroughputResult {
  label: string;
  strategy: StrategyName;
  detectors: boolean;
  schedules: number;
  wallMs: number;
  cpuMs: number;
  perWallSecond: number;
  perCpuSecond: number;
  /** Scheduling points (steps) per schedule, from the first run. */
  stepsPerSchedule: number;
}

export function measureThroughput(
  label: string,
  strategy: StrategyName,
  detectors: boolean,
  minMs: number,
): ThroughputResult {
  const session = Session.create([{ name: "program.ts", displayName: "throughput.ts", source: THROUGHPUT_PROGRAM }]);
  try {
    const base = baseConfig({
      cores: 4,
      maxSteps: 100_000,
      entryModule: "program.ts",
      entryExport: "default",
      detectors,
    });
    const first = session.runSchedule(base);
    if (first.outcome.kind !== "passed") throw new Error(`throughput program failed: ${first.outcome.message}`);
    const config = (seed: number): ScheduleConfig => ({
      ...base,
      strategy,
      seed,
      depth: 3,
      expectedSteps: Math.max(1, first.steps),
    });
    // Warm up the JIT on both sides of the boundary before timing.
    for (let i = 0; i < 200; i++) session.runSchedule(config(1_000_000 + i));
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    let n = 0;
    let failed = 0;
    while (performance.now() - t0 < minMs) {
      for (let i = 0; i < 50; i++) if (session.runSchedule(config(++n)).outcome.kind !== "passed") failed++;
    }
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    if (failed > 0) throw new Error(`throughput program failed on ${failed} schedules`);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    return {
      label,
      strategy,
      detectors,
      schedules: n,
      wallMs,
      cpuMs,
      perWallSecond: (n / wallMs) * 1000,
      perCpuSecond: (n / cpuMs) * 1000,
      stepsPerSchedule: first.steps,
    };
  } finally {
    session.dispose();
  }
}
