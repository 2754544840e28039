import { Shared, spawn } from "interleave";

// The steps of each chain are shared out between the threads with no lock: two threads read
// the same value, both apply a step, one of the steps is lost.
export async function runChains(
  seeds: readonly number[],
  rounds: number,
  step: (x: number) => Promise<number>,
  threads: number,
): Promise<number[]> {
  const results: number[] = [];
  for (const seed of seeds) {
    const value = new Shared(seed, "value");
    const workers = [];
    for (let t = 0; t < threads; t++) {
      const mine = Math.floor(rounds / threads) + (t < rounds % threads ? 1 : 0);
      workers.push(
        spawn(async () => {
          for (let r = 0; r < mine; r++) await value.set(await step(await value.get()));
        }),
      );
    }
    for (const w of workers) await w.join();
    results.push(await value.get());
  }
  return results;
}
