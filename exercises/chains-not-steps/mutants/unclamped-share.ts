import { SharedArray, spawn } from "interleave";

// Splits the chains (right!) but forgets to clamp a share to the number of chains: with more
// threads than chains, a thread runs chains that do not exist and writes past the results.
export async function runChains(
  seeds: readonly number[],
  rounds: number,
  step: (x: number) => Promise<number>,
  threads: number,
): Promise<number[]> {
  const results = new SharedArray<number>(seeds.length, "results");
  const share = Math.ceil(seeds.length / threads);
  const workers = [];
  for (let t = 0; t < threads; t++) {
    const start = t * share;
    const end = start + share;
    workers.push(
      spawn(async () => {
        for (let i = start; i < end; i++) {
          let x = seeds[i]!;
          for (let r = 0; r < rounds; r++) x = await step(x);
          await results.set(i, x);
        }
      }),
    );
  }
  for (const w of workers) await w.join();
  return results.toArray();
}
