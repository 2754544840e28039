import { Lock, Process, Shared } from "interleave";

/** The grader's primality test, given to parallelCountPrimes: the only test that counts. */
export type IsPrime = (n: number) => boolean;

/** How many n with lo <= n < hi the grader's `isPrime` accepts. Keep it as it is. */
export function countPrimes(lo: number, hi: number, isPrime: IsPrime): number {
  let count = 0;
  for (let n = lo; n < hi; n++) if (isPrime(n)) count++;
  return count;
}

/** Adds its range's count to a shared total, under a lock. */
export async function countInto(
  range: [number, number],
  total: Shared<number>,
  lock: Lock,
  isPrime: IsPrime,
): Promise<void> {
  const n = countPrimes(range[0], range[1], isPrime);
  await using _ = await lock.hold();
  await total.set((await total.get()) + n);
}

// Processes with a shared total, as threads would do it: but processes share no memory, so a
// Shared or a Lock cannot be passed to one.
export async function parallelCountPrimes(limit: number, workers: number, isPrime: IsPrime): Promise<number> {
  const total = new Shared(0, "total");
  const lock = new Lock("totalLock");
  const size = Math.ceil(limit / workers);
  const procs = Array.from(
    { length: workers },
    (_, w) => new Process(countInto, { args: [[w * size, Math.min(limit, (w + 1) * size)], total, lock, isPrime] }),
  );
  for (const p of procs) await p.start();
  for (const p of procs) await p.join();
  return total.get();
}
