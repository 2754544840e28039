// Alternate: strided chains (chain i to thread i % threads) written to a plain array, each cell by one thread, instead of contiguous shares in a SharedArray.
import { spawn } from "interleave";

export async function runChains(
  seeds: readonly number[],
  rounds: number,
  step: (x: number) => Promise<number>,
  threads: number,
): Promise<number[]> {
  const results: number[] = new Array<number>(seeds.length);
  const workers = Array.from({ length: threads }, (_, t) =>
    spawn(
      async () => {
        for (let i = t; i < seeds.length; i += threads) {
          let x = seeds[i]!;
          for (let r = 0; r < rounds; r++) x = await step(x);
          results[i] = x;
        }
      },
      `Chains-${t + 1}`,
    ),
  );
  for (const w of workers) await w.join();
  return results;
}
