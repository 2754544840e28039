// Section (a) of `npm run bench`: schedules per second for a 4-thread × 50-point program
// with a reused context — `Session.runSchedule` in a loop, as `explore` drives it. The loop
// runs in this one process, on one core: schedules per second here is the per-core figure.
// CPU time (process.cpuUsage) is reported beside wall time because the machine is shared.

import { baseConfig } from "../grader/explore/explore";
import type { ScheduleConfig, StrategyName } from "../grader/protocol/types";
import { defaultLimits, Session } from "../grader/isolate/session";

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

export interface ThroughputConfig {
  label: string;
  strategy: StrategyName;
  detectors: boolean;
  /** Another build of the runtime bundle (bench/hardening.ts); this tree's when absent. */
  runtime?: string;
}

export interface ThroughputResult extends ThroughputConfig {
  schedules: number;
  wallMs: number;
  cpuMs: number;
  perWallSecond: number;
  perCpuSecond: number;
  /** Scheduling points (steps) per schedule. */
  stepsPerSchedule: number;
  /** CPU-time rate (schedules per CPU-second) of each slice, in the order the slices ran. */
  sliceRates: number[];
}

interface Runner {
  config: ThroughputConfig;
  session: Session;
  next: () => void;
  steps: number;
  schedules: number;
  wallMs: number;
  cpuMs: number;
  /** CPU-time rate of each slice, in the order the slices ran. */
  sliceRates: number[];
}

function runner(config: ThroughputConfig): Runner {
  const session = Session.create(
    [{ name: "program.ts", displayName: "throughput.ts", source: THROUGHPUT_PROGRAM }],
    config.runtime === undefined ? defaultLimits : { ...defaultLimits, runtime: config.runtime },
  );
  const base = baseConfig({
    cores: 4,
    maxSteps: 100_000,
    entryModule: "program.ts",
    entryExport: "default",
    detectors: config.detectors,
  });
  const first = session.runSchedule(base);
  if (first.outcome.kind !== "passed") throw new Error(`throughput program failed: ${first.outcome.message}`);
  let seed = 0;
  const schedule: ScheduleConfig = {
    ...base,
    strategy: config.strategy,
    depth: 3,
    expectedSteps: Math.max(1, first.steps),
  };
  const next = () => {
    const r = session.runSchedule({ ...schedule, seed: ++seed });
    if (r.outcome.kind !== "passed") throw new Error(`throughput program failed: ${r.outcome.message}`);
  };
  // Warm up the JIT on both sides of the isolate boundary before timing.
  for (let i = 0; i < 200; i++) next();
  return { config, session, next, steps: first.steps, schedules: 0, wallMs: 0, cpuMs: 0, sliceRates: [] };
}

/**
 * Measure the configurations in turns of `sliceMs` each until every one has run for
 * `minMs`: the machine is shared, so interleaving the configurations exposes them to the
 * same noise, and their ratio (per slice pair) is steadier than any absolute rate.
 */
export function measureThroughput(configs: ThroughputConfig[], minMs: number, sliceMs = 100): ThroughputResult[] {
  const runners = configs.map(runner);
  try {
    while (runners.some((r) => r.wallMs < minMs)) {
      for (const r of runners) {
        const cpu0 = process.cpuUsage();
        const t0 = performance.now();
        let n = 0;
        while (performance.now() - t0 < sliceMs) {
          for (let i = 0; i < 10; i++) r.next();
          n += 10;
        }
        const wall = performance.now() - t0;
        const cpu = process.cpuUsage(cpu0);
        const cpuMs = (cpu.user + cpu.system) / 1000;
        r.schedules += n;
        r.wallMs += wall;
        r.cpuMs += cpuMs;
        r.sliceRates.push((n / cpuMs) * 1000);
      }
    }
    return runners.map((r) => ({
      ...r.config,
      schedules: r.schedules,
      wallMs: r.wallMs,
      cpuMs: r.cpuMs,
      perWallSecond: (r.schedules / r.wallMs) * 1000,
      perCpuSecond: (r.schedules / r.cpuMs) * 1000,
      stepsPerSchedule: r.steps,
      sliceRates: r.sliceRates,
    }));
  } finally {
    for (const r of runners) r.session.dispose();
  }
}

/** Median over the interleaved slices of a's rate ÷ b's rate, slice by slice (steadier than a ratio of totals). */
export function medianSliceRatio(a: ThroughputResult, b: ThroughputResult): number {
  const n = Math.min(a.sliceRates.length, b.sliceRates.length);
  const ratios = Array.from({ length: n }, (_, i) => a.sliceRates[i]! / b.sliceRates[i]!).sort((x, y) => x - y);
  return n > 0 ? ratios[n >> 1]! : a.perCpuSecond / b.perCpuSecond;
}
