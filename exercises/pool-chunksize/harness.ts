import { assert, currentProcess } from "interleave";
import { scoreAll } from "./solution";

/**
 * The scoring kernel the solution is given: about 0.1 ms of counted computation per item,
 * salted with a value only the grader knows, so the only way to the scores is to run it —
 * once per item, on some core. Exported, so a Pool can send it to its workers by name.
 */
export function score(x: number): number {
  let h = (x ^ 0x5f3759df) | 0;
  for (let round = 0; round < 100; round++) h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) ^ round;
  return h >>> 0;
}

/** The same, computed when the module loads (not charged to the run). */
const expectedScore = score;

/**
 * A worker process imports this module again (Python's spawn start method): only the main
 * process needs the expected scores, and computing them in a worker would be charged to it.
 */
function inMainProcess(): boolean {
  try {
    return currentProcess().name === "MainProcess";
  } catch {
    return true; // loading in the main program, before any thread runs
  }
}
const MAIN = inMainProcess();

const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i * 3);

/**
 * Expected scores are computed when the module loads (not charged to the run) and compared
 * with JSON.stringify (not instrumented): the harness's own work stays out of the makespan.
 */
function expectation(items: number[]): { items: number[]; scores: number[]; json: string } {
  const scores = MAIN ? items.map(expectedScore) : [];
  return { items, scores, json: JSON.stringify(scores) };
}

async function checkRun(e: { items: number[]; scores: number[]; json: string }, processes: number): Promise<void> {
  const { items } = e;
  const got = await scoreAll(items, processes, score);
  if (JSON.stringify(got) === e.json) return;
  const what = `${items.length} items on ${processes} processes`;
  assert(Array.isArray(got), `${what}: scoreAll should resolve to an array, got ${typeof got}`);
  assert(got.length === items.length, `${what}: expected ${items.length} scores, got ${got.length}`);
  for (let i = 0; i < items.length; i++) {
    const want = e.scores[i]!;
    assert(
      got[i] === want,
      `${what}: score[${i}] (item ${items[i]}) should be ${want}, got ${JSON.stringify(got[i])}. The scores come back in the order of the items.`,
    );
  }
  assert(false, `${what}: the scores are not the expected ones`);
}

const SMALL = expectation(range(5, 10));
const BIG = expectation(range(1, 4000));
const EMPTY = expectation([]);
const THREE = expectation(range(7, 3));
const FIVE = expectation(range(9, 5));

export async function small() {
  await checkRun(SMALL, 3);
}

/** 4,000 items of about 0.1 ms each on 4 processes and 4 virtual cores. */
export async function big() {
  await checkRun(BIG, 4);
}

export async function edges() {
  await checkRun(EMPTY, 2);
  await checkRun(THREE, 4);
  await checkRun(FIVE, 1);
}
