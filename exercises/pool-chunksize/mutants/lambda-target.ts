import { Pool } from "interleave";

export async function scoreAll(
  items: readonly number[],
  processes: number,
  score: (x: number) => number,
): Promise<number[]> {
  const pool = new Pool(processes);
  try {
    // A lambda: the workers cannot find it by name (Python cannot pickle a lambda either).
    return await pool.map((x: number) => score(x), items);
  } finally {
    pool.close();
    await pool.join();
  }
}
