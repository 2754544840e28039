import { assert, currentThread, SharedArray, work } from "interleave";
import { diffuse } from "./solution";

// The kernel is the harness's: it costs 1 virtual ms of CPU per cell (so speedup is measured
// on work the solution cannot skip or shrink) and records which thread called it. The
// expected grids are computed when the module loads, outside the measured run.

const rule = (l: number, m: number, r: number) => (l + 2 * m + r) / 4;

function expected(initial: number[], steps: number): number[] {
  let g = [...initial];
  for (let s = 0; s < steps; s++)
    g = g.map((v, i) => (i === 0 || i === g.length - 1 ? v : rule(g[i - 1]!, v, g[i + 1]!)));
  return g;
}

const rod = (n: number) => Array.from({ length: n }, (_, i) => (i === 0 ? 64 : i === n - 1 ? 16 : (i * 7) % 5));

interface Case {
  initial: number[];
  steps: number;
  threads: number;
  want: number[];
}

const makeCase = (n: number, steps: number, threads: number): Case => {
  const initial = rod(n);
  return { initial, steps, threads, want: expected(initial, steps) };
};

async function check(c: Case) {
  const n = c.initial.length;
  const what = `${n} cells, ${c.steps} steps, ${c.threads} threads`;
  const grid = new SharedArray<number>(c.initial, "grid");
  const scratch = new SharedArray<number>(n, "scratch");
  const callsBy = new Map<number, { name: string; calls: number }>();
  let calls = 0;
  const kernel = async (l: number, m: number, r: number) => {
    await work(1);
    calls++;
    const me = currentThread();
    const entry = callsBy.get(me.ident) ?? { name: me.name, calls: 0 };
    entry.calls++;
    callsBy.set(me.ident, entry);
    return rule(l, m, r);
  };
  await diffuse(grid, scratch, c.steps, c.threads, kernel);
  const inner = n - 2;
  assert(
    calls === inner * c.steps,
    `${what}: the kernel was called ${calls} times; every inner cell needs one call per step (${inner * c.steps}). Compute each new value with the kernel you are given.`,
  );
  const got = await grid.toArray();
  const wrong = c.want.findIndex((v, i) => got[i] !== v);
  assert(
    wrong === -1,
    `${what}: cell ${wrong} is ${got[wrong]} after the last step, expected ${c.want[wrong]} (grid: ${got.join(", ")})`,
  );
  if (c.steps === 0) return;
  const workers = [...callsBy.values()];
  const share = Math.floor(inner / c.threads) * c.steps;
  assert(
    workers.length === c.threads && workers.every((w) => w.calls >= share),
    `${what}: the kernel was called by ${workers.length} thread(s) (${workers.map((w) => `${w.name}: ${w.calls}`).join(", ")}); expected ${c.threads} threads that each own a block of about ${Math.floor(inner / c.threads)} cells for all ${c.steps} steps (at least ${share} calls each). Start the threads once and keep them in step with a Barrier.`,
  );
}

const SMALL = makeCase(10, 3, 2);
const UNEVEN = makeCase(13, 4, 3);
const NO_STEPS = makeCase(6, 0, 2);
const BIG = makeCase(34, 6, 4);

export async function small() {
  await check(SMALL);
}

export async function uneven() {
  await check(UNEVEN);
  await check(NO_STEPS);
}

/** 32 inner cells, 6 steps, 4 threads: measured on 4 virtual cores against 1. */
export async function speedup() {
  await check(BIG);
}
