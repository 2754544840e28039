import { now } from "interleave";

// Amdahl with f and 1 − f swapped: treats f as the PARALLEL fraction.
export function amdahlSpeedup(f: number, p: number): number {
  return 1 / (1 - f + f / p);
}

export function karpFlatt(speedup: number, p: number): number | null {
  if (p === 1) return null;
  return (1 / speedup - 1 / p) / (1 - 1 / p);
}

export async function measureSpeedup(run: (threads: number) => Promise<void>, p: number): Promise<number> {
  let start = now();
  await run(1);
  const t1 = now() - start;
  start = now();
  await run(p);
  const tp = now() - start;
  return t1 / tp;
}
