import { Pool } from "interleave";

/** The grader's calibration of one raw reading: call it once per reading, in a worker process. */
export type Calibrate = (reading: number) => number;

export interface Summary {
  count: number;
  /** null when there are no values (and so for max and mean). */
  min: number | null;
  max: number | null;
  mean: number | null;
}

/**
 * The count, minimum, maximum and mean of the calibrated readings `calibrate(values[i])`,
 * reduced in parallel by a pool of `processes` worker processes. Functions run by the pool
 * must be exported top-level functions; `calibrate` is the grader's, and may be sent to them.
 */
export async function summarize(values: readonly number[], processes: number, calibrate: Calibrate): Promise<Summary> {
  // Serial: one loop in the caller. TODO: calibrate and reduce chunks in a Pool, then combine the partials.
  void Pool;
  void processes;
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
