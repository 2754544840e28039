import { Pool } from "interleave";

export interface Summary {
  count: number;
  /** null when there are no values (and so for max and mean). */
  min: number | null;
  max: number | null;
  mean: number | null;
}

/**
 * The count, minimum, maximum and mean of `values`, reduced in parallel by a pool of
 * `processes` worker processes. Functions run by the pool must be exported top-level
 * functions.
 */
export async function summarize(values: readonly number[], processes: number): Promise<Summary> {
  // Serial: one loop in the caller. TODO: reduce chunks in a Pool, then combine the partials.
  void Pool;
  void processes;
  if (values.length === 0) return { count: 0, min: null, max: null, mean: null };
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { count: values.length, min, max, mean: sum / values.length };
}
