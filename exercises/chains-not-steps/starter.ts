import { Lock, Shared, spawn } from "interleave";

/**
 * Every chain starts at its seed and applies `step` `rounds` times: result[i] is
 * step(step(...step(seeds[i]))). Use `threads` threads.
 */
export async function runChains(
  seeds: readonly number[],
  rounds: number,
  step: (x: number) => Promise<number>,
  threads: number,
): Promise<number[]> {
  // A first attempt: the threads share out the steps of each chain. The lock keeps every
  // step right... and makes the threads wait for each other. Is this the loop to split?
  const results: number[] = [];
  for (const seed of seeds) {
    const value = new Shared(seed, "value");
    const lock = new Lock("valueLock");
    const workers = [];
    for (let t = 0; t < threads; t++) {
      const mine = Math.floor(rounds / threads) + (t < rounds % threads ? 1 : 0);
      workers.push(
        spawn(async () => {
          for (let r = 0; r < mine; r++) {
            await using _ = await lock.hold();
            await value.set(await step(await value.get()));
          }
        }),
      );
    }
    for (const w of workers) await w.join();
    results.push(await value.get());
  }
  return results;
}
