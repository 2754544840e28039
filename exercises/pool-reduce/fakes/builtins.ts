// Fake: a serial kernel made of built-ins (Math.min/Math.max and reduce) in the caller, no processes
export interface Summary {
  count: number;
  min: number | null;
  max: number | null;
  mean: number | null;
}

export async function summarize(values: readonly number[], _processes: number): Promise<Summary> {
  if (values.length === 0) return { count: 0, min: null, max: null, mean: null };
  const sum = values.reduce((a, b) => a + b, 0);
  return { count: values.length, min: Math.min(...values), max: Math.max(...values), mean: sum / values.length };
}
