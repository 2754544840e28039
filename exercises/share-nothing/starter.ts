import { Process } from "interleave";

/** The bucket of one value: about 0.05 ms of computation. Keep it as it is, and exported. */
export function bucketOf(value: number, buckets: number): number {
  let h = value | 0;
  for (let round = 0; round < 40; round++) h = Math.imul(h ^ (h >>> 13), 0x5bd1e995) ^ round;
  return (h >>> 0) % buckets;
}

// One histogram for the whole program: every worker adds its counts to it.
const counts: number[] = [];

export function countSlice(values: number[], buckets: number): void {
  for (const v of values) {
    const b = bucketOf(v, buckets);
    counts[b] = (counts[b] ?? 0) + 1;
  }
}

/**
 * How many values fall into each of `buckets` buckets (result[b] = number of values v with
 * bucketOf(v, buckets) === b), computed by `processes` worker processes.
 */
export async function histogram(values: readonly number[], buckets: number, processes: number): Promise<number[]> {
  counts.length = 0;
  for (let b = 0; b < buckets; b++) counts.push(0);
  const size = Math.ceil(values.length / processes);
  const workers: Process[] = [];
  for (let p = 0; p < processes; p++) {
    const w = new Process(countSlice, { args: [values.slice(p * size, (p + 1) * size), buckets] });
    await w.start();
    workers.push(w);
  }
  for (const w of workers) await w.join();
  return [...counts];
}
