import { Pool } from "interleave";

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

/** What a worker process runs: exported and top-level, because processes find their target by name. */
export function countRange(range: [number, number]): number {
  return countPrimes(range[0], range[1]);
}

export async function parallelCountPrimes(limit: number, workers: number): Promise<number> {
  // Ranges of equal length cost more towards the top (bigger numbers, longer trial divisions):
  // cut more ranges than workers and let the pool balance them.
  const pieces = workers * 8;
  const size = Math.ceil(limit / pieces);
  const ranges: [number, number][] = [];
  for (let lo = 0; lo < limit; lo += size) ranges.push([lo, Math.min(limit, lo + size)]);
  const pool = new Pool(workers);
  try {
    const counts = await pool.map(countRange, ranges);
    return counts.reduce((a, b) => a + b, 0);
  } finally {
    pool.close();
    await pool.join();
  }
}
