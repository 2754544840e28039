// What the hardened cost model costs in real time (issue 9, "Evidence"): schedules per
// second of the same program under the cost model before issue 9 (statements-only weights,
// built-ins free: no wrappers installed) and after it (expressions, function bodies and
// module loads weighed, built-ins wrapped and charged), measured in one run in interleaved
// slices so that both see the same load on a shared machine. Two programs: the throughput
// program of section (a) (4 threads × 50 scheduling points: what exploration does all day)
// and a built-in-heavy one (map, filter, reduce, sort, join, JSON, a regular expression on
// every thread: the wrappers' worst case).
// Run alone: `node --no-node-snapshot --import tsx bench/cost-hardening.ts`.

import { baseConfig } from "../grader/explore/explore";
import { setInstrumentationForBenchmarks } from "../grader/compile/transpile";
import type { ScheduleConfig } from "../grader/protocol/types";
import { Session } from "../grader/isolate/session";
import type { BenchFigure } from "./perf-instrumentation";
import { THROUGHPUT_PROGRAM } from "./throughput";

const SLICE_MS = 100;
const MIN_MS = Number(process.env.BENCH_HARDENING_MS ?? 1500);

export const BUILTIN_PROGRAM = `import { spawn, AtomicInt, assert } from "interleave";
const total = new AtomicInt(0, "total");
async function worker(i: number) {
  for (let k = 0; k < 10; k++) {
    const xs = Array.from({ length: 64 }, (_, j) => (j * 31 + i + k) % 97);
    const evens = xs.filter((x) => x % 2 === 0).map((x) => x * 3);
    const sum = evens.reduce((a, b) => a + b, 0);
    const text = JSON.stringify([...xs].sort((a, b) => a - b)).replace(/,/g, ";");
    const words = text.split(";").join(" ");
    await total.fetchAdd(sum + (words.length > 0 ? 1 : 0));
  }
}
export default async function main() {
  const ts = [0, 1, 2, 3].map((i) => spawn(() => worker(i), "T" + i));
  for (const t of ts) await t.join();
  assert((await total.load()) > 0, "total");
}
`;

interface Side {
  label: string;
  session: Session;
  next: () => void;
  schedules: number;
  cpuMs: number;
  rates: number[];
}

function side(label: string, source: string, hardened: boolean): Side {
  setInstrumentationForBenchmarks(hardened ? true : "statements");
  let session: Session;
  try {
    session = Session.create([{ name: "program.ts", displayName: "bench.ts", source }]);
  } finally {
    setInstrumentationForBenchmarks(true);
  }
  const base: ScheduleConfig = {
    ...baseConfig({ cores: 4, maxSteps: 100_000, entryModule: "program.ts", entryExport: "default" }),
    strategy: "random",
    depth: 3,
  };
  let seed = 0;
  const next = () => {
    const r = session.runSchedule({ ...base, seed: ++seed });
    if (r.outcome.kind !== "passed") throw new Error(`${label}: the bench program failed: ${r.outcome.message}`);
  };
  for (let i = 0; i < 100; i++) next(); // warm-up
  return { label, session, next, schedules: 0, cpuMs: 0, rates: [] };
}

/** Interleaved slices until each side ran MIN_MS; the median of the per-slice-pair ratios. */
function compare(source: string, name: string): { before: Side; after: Side; ratio: number } {
  const before = side(`${name}, cost model before issue 9`, source, false);
  const after = side(`${name}, hardened cost model`, source, true);
  try {
    while (before.cpuMs < MIN_MS || after.cpuMs < MIN_MS) {
      for (const s of [before, after]) {
        const cpu0 = process.cpuUsage();
        const t0 = performance.now();
        let n = 0;
        while (performance.now() - t0 < SLICE_MS) {
          s.next();
          n++;
        }
        const cpu = process.cpuUsage(cpu0);
        const ms = (cpu.user + cpu.system) / 1000;
        s.schedules += n;
        s.cpuMs += ms;
        s.rates.push((n / ms) * 1000);
      }
    }
    const ratios = after.rates.map((r, i) => r / before.rates[i]!).sort((a, b) => a - b);
    return { before, after, ratio: ratios[ratios.length >> 1]! };
  } finally {
    before.session.dispose();
    after.session.dispose();
  }
}

export async function benchCostHardening(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  const programs: [string, string, string | undefined][] = [
    ["throughput program (4 threads × 50 points)", THROUGHPUT_PROGRAM, "≥ 0.9"],
    ["built-in-heavy program (map, filter, reduce, sort, JSON, regex)", BUILTIN_PROGRAM, undefined],
  ];
  for (const [name, source, goal] of programs) {
    const { before, after, ratio } = compare(source, name);
    const rate = (s: Side) => Math.round((s.schedules / s.cpuMs) * 1000);
    figures.push(
      {
        name: `${name}: schedules per CPU-second, cost model before issue 9`,
        value: rate(before),
        unit: "schedules/s",
      },
      { name: `${name}: schedules per CPU-second, hardened cost model`, value: rate(after), unit: "schedules/s" },
      {
        name: `${name}: hardened ÷ before (median of ${before.rates.length} interleaved slice pairs)`,
        value: Math.round(ratio * 1000) / 1000,
        unit: "×",
        goal,
      },
    );
  }
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const f of await benchCostHardening())
    console.log(`${f.name}: ${f.value} ${f.unit}${f.goal ? ` (goal ${f.goal})` : ""}`);
}
