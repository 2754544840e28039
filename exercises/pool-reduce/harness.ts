import { assert } from "interleave";
import { summarize } from "./solution";

interface Case {
  values: number[];
  count: number;
  min: number | null;
  max: number | null;
  mean: number | null;
}

/** Computed when the module loads: the harness's own work stays out of the measured time. */
function makeCase(values: number[]): Case {
  if (values.length === 0) return { values, count: 0, min: null, max: null, mean: null };
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    sum += v;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  return { values, count: values.length, min, max, mean: sum / values.length };
}

const numbers = (n: number, seed: number, lo: number, hi: number) =>
  Array.from({ length: n }, (_, i) => lo + ((i * 2654435761 + seed * 40503) % (hi - lo + 1)));

async function checkRun(c: Case, processes: number): Promise<void> {
  const got = await summarize(c.values, processes);
  const what = `${c.values.length} values on ${processes} processes`;
  assert(typeof got === "object" && got !== null, `${what}: summarize should resolve to an object`);
  assert(got.count === c.count, `${what}: count should be ${c.count}, got ${got.count}`);
  assert(got.min === c.min, `${what}: min should be ${c.min}, got ${got.min}`);
  assert(got.max === c.max, `${what}: max should be ${c.max}, got ${got.max}`);
  const ok =
    c.mean === null
      ? got.mean === null
      : typeof got.mean === "number" && Math.abs(got.mean - c.mean) <= 1e-9 * Math.max(1, Math.abs(c.mean));
  assert(ok, `${what}: mean should be ${c.mean}, got ${got.mean}`);
}

const SMALL = makeCase([12, 7, 30, 1, 19, 4, 25, 8, 16, 3, 50]);
const BIG = makeCase(numbers(60_000, 7, -1000, 5000));
const NEGATIVE = makeCase(numbers(13, 3, -900, -100));
const POSITIVE = makeCase(numbers(9, 5, 100, 900));
const ONE = makeCase([42]);
const EMPTY = makeCase([]);

/** Eleven values on three processes: chunks of different sizes. */
export async function small() {
  await checkRun(SMALL, 3);
}

/** 60,000 values on four processes, measured on 1 and 4 virtual cores. */
export async function big() {
  await checkRun(BIG, 4);
}

export async function edges() {
  await checkRun(NEGATIVE, 4);
  await checkRun(POSITIVE, 2);
  await checkRun(ONE, 3);
  await checkRun(EMPTY, 2);
  await checkRun(SMALL, 1);
}
