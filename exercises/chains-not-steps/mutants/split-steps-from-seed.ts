import { SharedArray, spawn } from "interleave";

// Splits each chain's steps into slices as if they were independent: every slice starts
// from the seed, because the value it should start from is not known yet.
export async function runChains(
  seeds: readonly number[],
  rounds: number,
  step: (x: number) => Promise<number>,
  threads: number,
): Promise<number[]> {
  const results = new SharedArray<number>(seeds.length, "results");
  const slice = Math.ceil(rounds / threads);
  for (let i = 0; i < seeds.length; i++) {
    const ends = new SharedArray<number>(threads, "sliceEnds");
    const workers = [];
    for (let t = 0; t < threads; t++) {
      const n = Math.max(0, Math.min(rounds, (t + 1) * slice) - t * slice);
      workers.push(
        spawn(async () => {
          let x = seeds[i]!;
          for (let r = 0; r < n; r++) x = await step(x);
          await ends.set(t, x);
        }),
      );
    }
    for (const w of workers) await w.join();
    await results.set(i, await ends.get(threads - 1));
  }
  return results.toArray();
}
