// Fake: one worker process runs the grader's test on every number while the others burn idle work, so that the speedup looks good
import { Pool, work } from "interleave";

export type IsPrime = (n: number) => boolean;

export function countPrimes(lo: number, hi: number, isPrime: IsPrime): number {
  let count = 0;
  for (let n = lo; n < hi; n++) if (isPrime(n)) count++;
  return count;
}

export async function task(hi: number, isPrime: IsPrime): Promise<number> {
  if (hi > 0) return countPrimes(0, hi, isPrime);
  await work(2_000);
  return 0;
}

export async function parallelCountPrimes(limit: number, workers: number, isPrime: IsPrime): Promise<number> {
  const pool = new Pool(workers);
  try {
    const tasks = Array.from({ length: workers }, (_, w) => [w === 0 ? limit : 0, isPrime]);
    const counts = await pool.starmap(task, tasks, { chunksize: 1 });
    return counts.reduce((a, b) => a + b, 0);
  } finally {
    pool.close();
    await pool.join();
  }
}
