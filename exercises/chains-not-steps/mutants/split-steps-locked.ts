import { Lock, Shared, spawn } from "interleave";

export async function runChains(
  seeds: readonly number[],
  rounds: number,
  step: (x: number) => Promise<number>,
  threads: number,
): Promise<number[]> {
  // The steps of each chain are shared out between the threads under a lock: always right,
  // but every step waits for the one before it, so the threads only take turns.
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
