import { SharedArray, spawn } from "interleave";

export async function runChains(
  seeds: readonly number[],
  rounds: number,
  step: (x: number) => Promise<number>,
  threads: number,
): Promise<number[]> {
  const results = new SharedArray<number>(seeds.length, "results");
  // Chains are independent; the steps of one chain are not: split the chains, never the steps.
  const share = Math.ceil(seeds.length / threads);
  const workers = [];
  for (let t = 0; t < threads; t++) {
    const start = t * share;
    const end = Math.min(seeds.length, start + share);
    workers.push(
      spawn(
        async () => {
          for (let i = start; i < end; i++) {
            let x = seeds[i]!;
            for (let r = 0; r < rounds; r++) x = await step(x);
            await results.set(i, x);
          }
        },
        `Chains-${t + 1}`,
      ),
    );
  }
  for (const w of workers) await w.join();
  return results.toArray();
}
