// Fake: a serial kernel made of built-ins (map, Math.min/Math.max and reduce) in the caller, no processes
export type Calibrate = (reading: number) => number;

export interface Summary {
  count: number;
  min: number | null;
  max: number | null;
  mean: number | null;
}

export async function summarize(values: readonly number[], _processes: number, calibrate: Calibrate): Promise<Summary> {
  if (values.length === 0) return { count: 0, min: null, max: null, mean: null };
  const vs = values.map((r) => calibrate(r));
  const sum = vs.reduce((a, b) => a + b, 0);
  return { count: vs.length, min: Math.min(...vs), max: Math.max(...vs), mean: sum / vs.length };
}
