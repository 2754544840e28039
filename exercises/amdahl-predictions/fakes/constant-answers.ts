// Fake: constant answers: speedup p (perfectly parallel), serial fraction 0, and a measured speedup that is never measured
export function amdahlSpeedup(_f: number, p: number): number {
  return p;
}

export function karpFlatt(_speedup: number, p: number): number | null {
  return p === 1 ? null : 0;
}

export async function measureSpeedup(_run: (threads: number) => Promise<void>, p: number): Promise<number> {
  return p;
}
