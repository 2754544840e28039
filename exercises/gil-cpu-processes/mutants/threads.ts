import { SharedArray, spawn } from "interleave";

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

// Threads share the work... and one GIL: only one of them computes at any moment.
export async function parallelCountPrimes(limit: number, workers: number): Promise<number> {
  const size = Math.ceil(limit / workers);
  const counts = new SharedArray<number>(workers, "counts");
  const threads = Array.from({ length: workers }, (_, w) =>
    spawn(
      async () => {
        await counts.set(w, countPrimes(w * size, Math.min(limit, (w + 1) * size)));
      },
      `Counter-${w + 1}`,
    ),
  );
  for (const t of threads) await t.join();
  return (await counts.toArray()).reduce((a, b) => a + b, 0);
}
