// What the deterministic cost model costs in real time (issue 5, "Evidence"): a compute-heavy
// program — four threads blurring a 256×256 image with a 3×3 kernel, then a sieve — run on
// its un-stressed schedule with the cost-counting transformer (grader/compile/instrument.ts)
// and without it. Same program, same isolate settings; only the transformer differs. The
// median of RUNS schedules each, after a warm-up, in this process.
// Run alone: `node --no-node-snapshot --import tsx bench/perf-instrumentation.ts`.
// For bench/run.ts: call `benchInstrumentation()`.

import { baseConfig } from "../grader/explore/explore";
import { setInstrumentationForBenchmarks } from "../grader/compile/transpile";
import type { ScheduleResult } from "../grader/protocol/types";
import { Session } from "../grader/isolate/session";

export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  goal?: string;
}

const RUNS = 7;
const SIZE = 256;

export const COMPUTE_PROGRAM = `import { spawn, assert } from "interleave";

const SIZE = ${SIZE};

function blurRows(src: Float64Array, dst: Float64Array, from: number, to: number): void {
  for (let y = Math.max(1, from); y < Math.min(SIZE - 1, to); y++) {
    for (let x = 1; x < SIZE - 1; x++) {
      let s = 0;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) s += src[(y + dy) * SIZE + x + dx]!;
      }
      dst[y * SIZE + x] = s / 9;
    }
  }
}

function primesBelow(n: number): number {
  const composite = new Uint8Array(n);
  let count = 0;
  for (let i = 2; i < n; i++) {
    if (composite[i]) continue;
    count++;
    for (let j = i * i; j < n; j += i) composite[j] = 1;
  }
  return count;
}

export default async function main() {
  const src = new Float64Array(SIZE * SIZE);
  for (let i = 0; i < src.length; i++) src[i] = (i * 2654435761) % 256;
  const dst = new Float64Array(SIZE * SIZE);
  const band = SIZE / 4;
  const workers = [0, 1, 2, 3].map((k) => spawn(async () => blurRows(src, dst, k * band, (k + 1) * band), "blur-" + k));
  for (const w of workers) await w.join();
  assert(dst[SIZE + 1]! >= 0, "blurred");
  assert(primesBelow(200000) === 17984, "primes");
}
`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

function measure(instrumented: boolean): { ms: number; result: ScheduleResult } {
  setInstrumentationForBenchmarks(instrumented);
  let session: Session;
  try {
    session = Session.create([{ name: "program.ts", displayName: "compute.ts", source: COMPUTE_PROGRAM }], {
      memoryMb: 128,
      scheduleTimeoutMs: 20_000,
    });
  } finally {
    setInstrumentationForBenchmarks(true);
  }
  try {
    const config = {
      ...baseConfig({ cores: 4, maxSteps: 100_000, entryModule: "program.ts", entryExport: "default" }),
      maxUnits: 1e9,
    };
    session.runSchedule(config); // warm-up
    const times: number[] = [];
    let result: ScheduleResult | null = null;
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      result = session.runSchedule(config);
      times.push(performance.now() - started);
    }
    if (result!.outcome.kind !== "passed") throw new Error(`the bench program failed: ${result!.outcome.message}`);
    return { ms: median(times), result: result! };
  } finally {
    session.dispose();
  }
}

export async function benchInstrumentation(): Promise<BenchFigure[]> {
  const plain = measure(false);
  const counted = measure(true);
  const units = counted.result.units ?? 0;
  return [
    {
      name: `compute-heavy program (4-thread 256×256 blur + sieve), real time without cost counting (median of ${RUNS})`,
      value: round(plain.ms, 1),
      unit: "ms",
    },
    {
      name: `the same program with cost counting (instrumented loops and calls)`,
      value: round(counted.ms, 1),
      unit: "ms",
    },
    { name: "cost counting overhead (with / without)", value: round(counted.ms / plain.ms, 2), unit: "×", goal: "< 3" },
    { name: "cost units counted per schedule", value: units, unit: "units" },
    {
      name: "real time per counted unit",
      value: round(((counted.ms - plain.ms) * 1e6) / Math.max(1, units), 2),
      unit: "ns/unit",
    },
    {
      name: "virtual makespan with cost counting (4 cores; 0 without: computation is free when not counted)",
      value: round(counted.result.time, 3),
      unit: "virtual ms",
    },
  ];
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const f of await benchInstrumentation())
    console.log(`${f.name}: ${f.value} ${f.unit}${f.goal ? ` (goal ${f.goal})` : ""}`);
}
