import { Pool } from "interleave";

/**
 * The score of every item, in order, computed by a pool of `processes` worker processes.
 * `score` is the grader's scoring function (about 0.1 ms of computation per item): call it
 * for every item. It is an exported top-level function of the grader's module, so a Pool
 * can send it to its workers by name.
 */
export async function scoreAll(
  items: readonly number[],
  processes: number,
  score: (x: number) => number,
): Promise<number[]> {
  const pool = new Pool(processes);
  try {
    // One task per item, so that the work is spread as evenly as possible... or is it?
    return await pool.map(score, items, { chunksize: 1 });
  } finally {
    pool.close();
    await pool.join();
  }
}
