import { SharedArray, spawn } from "interleave";

/** The grader's primality test, given to parallelCountPrimes: the only test that counts. */
export type IsPrime = (n: number) => boolean;

/** How many n with lo <= n < hi the grader's `isPrime` accepts. Keep it as it is. */
export function countPrimes(lo: number, hi: number, isPrime: IsPrime): number {
  let count = 0;
  for (let n = lo; n < hi; n++) if (isPrime(n)) count++;
  return count;
}

/**
 * The number of primes below `limit`, counted by `workers` workers at the same time.
 *
 * This version is correct, and uses threads. Run it: with the GIL on, four threads on four
 * cores are no faster than one. Make the workers processes (Pool, or Process with a
 * ProcessQueue); the function a process runs must be exported at the top level of this file.
 */
export async function parallelCountPrimes(limit: number, workers: number, isPrime: IsPrime): Promise<number> {
  const size = Math.ceil(limit / workers);
  const counts = new SharedArray<number>(workers, "counts");
  const threads = Array.from({ length: workers }, (_, w) =>
    spawn(
      async () => {
        await counts.set(w, countPrimes(w * size, Math.min(limit, (w + 1) * size), isPrime));
      },
      `Counter-${w + 1}`,
    ),
  );
  for (const t of threads) await t.join();
  return (await counts.toArray()).reduce((a, b) => a + b, 0);
}
