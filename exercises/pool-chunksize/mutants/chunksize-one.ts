import { Pool } from "interleave";

/**
 * The score of one item: about 0.1 ms of computation. Keep it as it is (the grader checks
 * the scores) and keep it exported: a Pool sends functions to its workers by name.
 */
export function score(x: number): number {
  let h = x | 0;
  for (let round = 0; round < 100; round++) h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) ^ round;
  return h >>> 0;
}

export async function scoreAll(items: readonly number[], processes: number): Promise<number[]> {
  const pool = new Pool(processes);
  try {
    // One task per item: every item is a message to a worker and a message back, and the
    // caller pickles and unpickles each of them, one after the other.
    return await pool.map(score, items, { chunksize: 1 });
  } finally {
    pool.close();
    await pool.join();
  }
}
