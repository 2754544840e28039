import { assert, currentProcess } from "interleave";
import { summarize } from "./solution";

/**
 * The grader's calibration of one raw sensor reading, given to the solution: a few dozen
 * statements of arithmetic only the grader knows (so the only way to the calibrated values is
 * to run it, once per reading, on some core). It is the kernel whose time the speedup and
 * makespan checks measure: a solution cannot make it cheaper, only share it between
 * processes. Exported, so a Pool can send it to its workers by name.
 */
export function calibrate(reading: number): number {
  let x = reading;
  for (let round = 0; round < 12; round++) x = (x * 37 + 11 * round + 5) % 10_007;
  return x - 4_000 + (reading % 17);
}

/**
 * A worker process imports this module again (Python's spawn start method): only the main
 * process needs the expected results, and computing them in a worker would be charged to it.
 */
function inMainProcess(): boolean {
  try {
    return currentProcess().name === "MainProcess";
  } catch {
    return true; // loading in the main program, before any thread runs
  }
}
const MAIN = inMainProcess();

interface Case {
  values: number[];
  count: number;
  min: number | null;
  max: number | null;
  mean: number | null;
}

/** Computed when the module loads: the harness's own work stays out of the measured time. */
function makeCase(values: number[]): Case {
  if (!MAIN || values.length === 0) return { values, count: 0, min: null, max: null, mean: null };
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const reading of values) {
    const v = calibrate(reading);
    sum += v;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  return { values, count: values.length, min, max, mean: sum / values.length };
}

const numbers = (n: number, seed: number, lo: number, hi: number) =>
  Array.from({ length: n }, (_, i) => lo + ((i * 2654435761 + seed * 40503) % (hi - lo + 1)));

async function checkRun(c: Case, processes: number): Promise<void> {
  const got = await summarize(c.values, processes, calibrate);
  const what = `${c.values.length} readings on ${processes} processes`;
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
const BIG = makeCase(MAIN ? numbers(40_000, 7, 0, 99_999) : []);
/** Readings whose calibrated values all have one sign: 0 is no identity for min or max. */
const withSign = (sign: number, n: number) =>
  numbers(400, 3 + sign, 0, 9_999)
    .filter((r) => Math.sign(calibrate(r)) === sign)
    .slice(0, n);
const NEGATIVE = makeCase(MAIN ? withSign(-1, 13) : []);
const POSITIVE = makeCase(MAIN ? withSign(1, 9) : []);
const ONE = makeCase([42]);
const EMPTY = makeCase([]);

/** Eleven values on three processes: chunks of different sizes. */
export async function small() {
  await checkRun(SMALL, 3);
}

/** 40,000 readings on four processes, measured on 1 and 4 virtual cores. */
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
