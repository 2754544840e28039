// Fake: one worker process calibrates and reduces everything while the others burn idle work, so that the speedup looks good
import { Pool, work } from "interleave";

export type Calibrate = (reading: number) => number;

export interface Summary {
  count: number;
  min: number | null;
  max: number | null;
  mean: number | null;
}

export function reduceAll(values: number[], calibrate: Calibrate): Summary {
  if (values.length === 0) return { count: 0, min: null, max: null, mean: null };
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const reading of values) {
    const v = calibrate(reading);
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { count: values.length, min, max, mean: sum / values.length };
}

export async function task(values: number[], calibrate: Calibrate): Promise<Summary | null> {
  if (values.length > 0) return reduceAll(values, calibrate);
  await work(4_000);
  return null;
}

export async function summarize(values: readonly number[], processes: number, calibrate: Calibrate): Promise<Summary> {
  if (values.length === 0) return { count: 0, min: null, max: null, mean: null };
  const pool = new Pool(processes);
  try {
    const tasks = Array.from({ length: processes }, (_, i) => [i === 0 ? [...values] : [], calibrate]);
    const [all] = await pool.starmap(task, tasks, { chunksize: 1 });
    return all!;
  } finally {
    pool.close();
    await pool.join();
  }
}
