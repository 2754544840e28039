import { Pool } from "interleave";

/** The score of every item, in order, computed by a pool of `processes` worker processes. */
export async function scoreAll(
  items: readonly number[],
  processes: number,
  score: (x: number) => number,
): Promise<number[]> {
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
