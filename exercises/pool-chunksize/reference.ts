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

/** The score of every item, in order, computed by a pool of `processes` worker processes. */
export async function scoreAll(items: readonly number[], processes: number): Promise<number[]> {
  const pool = new Pool(processes);
  try {
    // A few big chunks per worker: each chunk costs one message each way, so the copies
    // stay small next to the computing, and four chunks per worker still balance the load.
    const chunksize = Math.max(1, Math.ceil(items.length / (processes * 4)));
    return await pool.map(score, items, { chunksize });
  } finally {
    pool.close();
    await pool.join();
  }
}
