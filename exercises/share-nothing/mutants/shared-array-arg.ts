import { Process, SharedArray } from "interleave";

export async function countSlice(
  bucketOf: (value: number, buckets: number) => number,
  values: number[],
  counts: SharedArray<number>,
): Promise<void> {
  for (const v of values) {
    const b = bucketOf(v, counts.length);
    await counts.set(b, (await counts.get(b)) + 1);
  }
}

// Hands the workers a SharedArray as if they were threads: a process cannot receive it
// (processes share no memory), so starting the process fails.
export async function histogram(
  values: readonly number[],
  buckets: number,
  processes: number,
  bucketOf: (value: number, buckets: number) => number,
): Promise<number[]> {
  const counts = new SharedArray<number>(buckets, "counts");
  const size = Math.ceil(values.length / processes);
  const workers: Process[] = [];
  for (let p = 0; p < processes; p++) {
    const w = new Process(countSlice, { args: [bucketOf, values.slice(p * size, (p + 1) * size), counts] });
    await w.start();
    workers.push(w);
  }
  for (const w of workers) await w.join();
  return counts.toArray();
}
