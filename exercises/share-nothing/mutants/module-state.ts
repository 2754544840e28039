import { Process } from "interleave";

// One module-level histogram that the workers add to. Each process has its OWN copy of the
// module: the workers fill theirs, and the caller returns its own, untouched.
const counts: number[] = [];

export function countSlice(
  bucketOf: (value: number, buckets: number) => number,
  values: number[],
  buckets: number,
): void {
  for (const v of values) {
    const b = bucketOf(v, buckets);
    counts[b] = (counts[b] ?? 0) + 1;
  }
}

export async function histogram(
  values: readonly number[],
  buckets: number,
  processes: number,
  bucketOf: (value: number, buckets: number) => number,
): Promise<number[]> {
  counts.length = 0;
  for (let b = 0; b < buckets; b++) counts.push(0);
  const size = Math.ceil(values.length / processes);
  const workers: Process[] = [];
  for (let p = 0; p < processes; p++) {
    const w = new Process(countSlice, { args: [bucketOf, values.slice(p * size, (p + 1) * size), buckets] });
    await w.start();
    workers.push(w);
  }
  for (const w of workers) await w.join();
  return [...counts];
}
