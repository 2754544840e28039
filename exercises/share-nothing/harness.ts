import { assert, currentProcess } from "interleave";
import { histogram } from "./solution";

/**
 * The classifier the solution is given: about 0.05 ms of counted computation per value,
 * salted with a value only the grader knows, so the only way to the buckets is to run it —
 * once per value, on some core. Exported, so it can be passed to a Process by name.
 */
export function bucketOf(value: number, buckets: number): number {
  let h = (value ^ 0x2545f491) | 0;
  for (let round = 0; round < 40; round++) h = Math.imul(h ^ (h >>> 13), 0x5bd1e995) ^ round;
  return (h >>> 0) % buckets;
}

interface Case {
  values: number[];
  buckets: number;
  counts: number[];
  json: string;
}

/**
 * A worker process imports this module again (Python's spawn start method): only the main
 * process needs the expected counts, and computing them in a worker would be charged to it.
 */
function inMainProcess(): boolean {
  try {
    return currentProcess().name === "MainProcess";
  } catch {
    return true; // loading in the main program, before any thread runs
  }
}
const MAIN = inMainProcess();

/** Computed when the module loads: the harness's own work stays out of the measured time. */
function makeCase(n: number, buckets: number, seed: number): Case {
  const values = Array.from({ length: n }, (_, i) => (i * 2654435761 + seed) % 1000003);
  const counts = new Array<number>(buckets).fill(0);
  if (MAIN) for (const v of values) counts[bucketOf(v, buckets)]!++;
  return { values, buckets, counts, json: JSON.stringify(counts) };
}

async function checkRun(c: Case, processes: number): Promise<void> {
  const got = await histogram(c.values, c.buckets, processes, bucketOf);
  if (JSON.stringify(got) === c.json) return;
  const what = `${c.values.length} values in ${c.buckets} buckets on ${processes} processes`;
  assert(Array.isArray(got), `${what}: histogram should resolve to an array, got ${typeof got}`);
  assert(got.length === c.buckets, `${what}: expected ${c.buckets} counts, got ${got.length}`);
  const total = got.reduce((a, b) => a + (typeof b === "number" ? b : 0), 0);
  assert(
    total === c.values.length,
    `${what}: the counts add up to ${total}, not ${c.values.length}: ${total === 0 ? "nothing that the worker processes counted reached the caller. Processes share no memory — send each worker's counts back (a ProcessQueue or a Pipe)" : "some counts were lost or counted twice when the parts were put together"}`,
  );
  for (let b = 0; b < c.buckets; b++)
    assert(got[b] === c.counts[b], `${what}: bucket ${b} should hold ${c.counts[b]} values, got ${got[b]}`);
}

const SMALL = makeCase(30, 5, 11);
const BIG = makeCase(8000, 16, 3);
const EMPTY = makeCase(0, 4, 1);
const FEW = makeCase(3, 4, 5);
const ONE = makeCase(20, 3, 9);

export async function small() {
  await checkRun(SMALL, 2);
}

/** 8,000 values of about 0.05 ms each on 4 processes and 4 virtual cores. */
export async function big() {
  await checkRun(BIG, 4);
}

export async function edges() {
  await checkRun(EMPTY, 3);
  await checkRun(FEW, 5);
  await checkRun(ONE, 1);
}
