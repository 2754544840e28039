// Fake: no processes: the caller reduces every value itself, in one pass
export interface Summary {
  count: number;
  min: number | null;
  max: number | null;
  mean: number | null;
}

export async function summarize(values: readonly number[], _processes: number): Promise<Summary> {
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
