import { Process, ProcessQueue } from "interleave";

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

/** What a worker process runs: count a range and send the count back. */
export async function countInto(range: [number, number], out: ProcessQueue<number>): Promise<void> {
  await out.put(countPrimes(range[0], range[1]));
}

// Processes — each started and joined before the next one starts: one process computes at a time.
export async function parallelCountPrimes(limit: number, workers: number): Promise<number> {
  const size = Math.ceil(limit / workers);
  const out = new ProcessQueue<number>();
  let total = 0;
  for (let w = 0; w < workers; w++) {
    const p = new Process(countInto, { args: [[w * size, Math.min(limit, (w + 1) * size)], out] });
    await p.start();
    total += await out.get();
    await p.join();
  }
  return total;
}
