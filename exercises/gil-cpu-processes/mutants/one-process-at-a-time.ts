import { Process, ProcessQueue } from "interleave";

/** The grader's primality test, given to parallelCountPrimes: the only test that counts. */
export type IsPrime = (n: number) => boolean;

/** How many n with lo <= n < hi the grader's `isPrime` accepts. Keep it as it is. */
export function countPrimes(lo: number, hi: number, isPrime: IsPrime): number {
  let count = 0;
  for (let n = lo; n < hi; n++) if (isPrime(n)) count++;
  return count;
}

/** What a worker process runs: count a range and send the count back. */
export async function countInto(range: [number, number], out: ProcessQueue<number>, isPrime: IsPrime): Promise<void> {
  await out.put(countPrimes(range[0], range[1], isPrime));
}

// Processes — each started and joined before the next one starts: one process computes at a time.
export async function parallelCountPrimes(limit: number, workers: number, isPrime: IsPrime): Promise<number> {
  const size = Math.ceil(limit / workers);
  const out = new ProcessQueue<number>();
  let total = 0;
  for (let w = 0; w < workers; w++) {
    const p = new Process(countInto, { args: [[w * size, Math.min(limit, (w + 1) * size)], out, isPrime] });
    await p.start();
    total += await out.get();
    await p.join();
  }
  return total;
}
