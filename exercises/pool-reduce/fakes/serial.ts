// Fake: no processes: the caller calibrates and reduces every reading itself, in one pass
export type Calibrate = (reading: number) => number;

export interface Summary {
  count: number;
  min: number | null;
  max: number | null;
  mean: number | null;
}

export async function summarize(values: readonly number[], _processes: number, calibrate: Calibrate): Promise<Summary> {
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
