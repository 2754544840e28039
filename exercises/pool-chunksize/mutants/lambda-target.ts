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
    // A lambda: the workers cannot find it by name (Python cannot pickle a lambda either).
    return await pool.map((x: number) => score(x), items);
  } finally {
    pool.close();
    await pool.join();
  }
}
