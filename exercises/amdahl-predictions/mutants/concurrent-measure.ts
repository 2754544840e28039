import { now, spawn } from "interleave";

export function amdahlSpeedup(f: number, p: number): number {
  return 1 / (f + (1 - f) / p);
}

export function karpFlatt(speedup: number, p: number): number | null {
  if (p === 1) return null;
  return (1 / speedup - 1 / p) / (1 - 1 / p);
}

// "Saves time" by running both measurements at once: they compete for the same cores, so
// neither time is the program's own.
export async function measureSpeedup(run: (threads: number) => Promise<void>, p: number): Promise<number> {
  let t1 = 0;
  let tp = 0;
  const start = now();
  const a = spawn(async () => {
    await run(1);
    t1 = now() - start;
  });
  const b = spawn(async () => {
    await run(p);
    tp = now() - start;
  });
  await a.join();
  await b.join();
  return t1 / tp;
}
