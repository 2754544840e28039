// Linearizability check time for 200-operation histories over 4 threads (issue 4: goal
// ≤ 50 ms), for a FIFO queue (one search over the whole history) and a key-value map
// (Porcupine-style partitions per key). Histories are generated with a seeded PRNG:
// linearizable by construction, then with one output corrupted (a dequeue / get returning
// a value nobody wrote). The time includes shrinking and the explanation, as a student's
// report would. Run alone: `npx tsx bench/detect-linearizability.ts`.

import {
  corruptMap,
  corruptQueue,
  mapSimulation,
  queueSimulation,
  simulateHistory,
} from "../grader/detect/linearizability/history-fixtures";
import {
  checkLinearizability,
  mapModel,
  queueModel,
  type Model,
  type Operation,
} from "../grader/detect/linearizability/linearizability";

export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  goal?: string;
}

const OPERATIONS = 200;
const THREADS = 4;
const SEEDS = 25;
const GOAL = "≤ 50 ms";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median time of one check per history (after one warm-up pass), and how many got the expected answer. */
function timeChecks<S, I, O>(
  model: Model<S, I, O>,
  histories: Operation<I, O>[][],
  expected: "ok" | "illegal",
): { median: number; max: number; answered: number } {
  for (const h of histories) checkLinearizability(model, h); // warm-up: JIT, not the checker
  const times: number[] = [];
  let answered = 0;
  for (const h of histories) {
    const start = performance.now();
    const result = checkLinearizability(model, h);
    times.push(performance.now() - start);
    if (result.result === expected) answered++;
  }
  return { median: median(times), max: Math.max(...times), answered };
}

export async function benchLinearizability(): Promise<BenchFigure[]> {
  const seeds = Array.from({ length: SEEDS }, (_, i) => 1000 + i);
  const queues = seeds.map((seed) =>
    simulateHistory(queueSimulation(), { seed, threads: THREADS, operations: OPERATIONS }),
  );
  const maps = seeds.map((seed) =>
    simulateHistory(mapSimulation(8), { seed, threads: THREADS, operations: OPERATIONS }),
  );
  const cases = [
    { label: "queue, linearizable", run: () => timeChecks(queueModel<number>(), queues, "ok") },
    {
      label: "queue, non-linearizable",
      run: () => timeChecks(queueModel<number>(), queues.map(corruptQueue), "illegal"),
    },
    // The same histories with the queue's bad-pattern refuter switched off: what plain
    // Wing & Gong + Lowe search costs on a queue, where refuting means enumerating every
    // order of concurrent enqueues (some run out of budget: "unknown", never "ok").
    {
      label: "queue, non-linearizable, search only",
      run: () => timeChecks({ ...queueModel<number>(), refute: undefined }, queues.map(corruptQueue), "illegal"),
    },
    { label: "map, linearizable", run: () => timeChecks(mapModel<number>(), maps, "ok") },
    { label: "map, non-linearizable", run: () => timeChecks(mapModel<number>(), maps.map(corruptMap), "illegal") },
  ];
  const figures: BenchFigure[] = [];
  for (const c of cases) {
    const { median: ms, max, answered } = c.run();
    const name = `linearizability check, ${c.label} (${OPERATIONS} ops, ${THREADS} threads, median of ${SEEDS})`;
    figures.push({ name, value: round(ms), unit: "ms", goal: c.label.endsWith("search only") ? undefined : GOAL });
    figures.push({ name: `${name}: slowest`, value: round(max), unit: "ms" });
    figures.push({ name: `${name}: definite answers`, value: answered, unit: `of ${SEEDS}` });
  }
  return figures;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const f of await benchLinearizability()) {
    console.log(`${f.name}: ${f.value} ${f.unit}${f.goal ? ` (goal ${f.goal})` : ""}`);
  }
}
