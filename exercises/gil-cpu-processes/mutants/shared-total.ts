import { Lock, Process, Shared } from "interleave";

/** The number of primes p with lo <= p < hi, by trial division. */
export function countPrimes(lo: number, hi: number): number {
  let count = 0;
  for (let n = Math.max(lo, 2); n < hi; n++) {
    let prime = true;
    for (let d = 2; d * d <= n; d++) {
      if (n % d === 0) {
        prime = false;
        break;
      }
    }
    if (prime) count++;
  }
  return count;
}

/** Adds its range's count to a shared total, under a lock. */
export async function countInto(range: [number, number], total: Shared<number>, lock: Lock): Promise<void> {
  const n = countPrimes(range[0], range[1]);
  await using _ = await lock.hold();
  await total.set((await total.get()) + n);
}

// Processes with a shared total, as threads would do it: but processes share no memory, so a
// Shared or a Lock cannot be passed to one.
export async function parallelCountPrimes(limit: number, workers: number): Promise<number> {
  const total = new Shared(0, "total");
  const lock = new Lock("totalLock");
  const size = Math.ceil(limit / workers);
  const procs = Array.from(
    { length: workers },
    (_, w) => new Process(countInto, { args: [[w * size, Math.min(limit, (w + 1) * size)], total, lock] }),
  );
  for (const p of procs) await p.start();
  for (const p of procs) await p.join();
  return total.get();
}
