import { Pool } from "interleave";

export async function scoreAll(
  items: readonly number[],
  processes: number,
  score: (x: number) => number,
): Promise<number[]> {
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
