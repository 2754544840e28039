import { Process, SharedArray } from "interleave";

export function bucketOf(value: number, buckets: number): number {
  let h = value | 0;
  for (let round = 0; round < 40; round++) h = Math.imul(h ^ (h >>> 13), 0x5bd1e995) ^ round;
  return (h >>> 0) % buckets;
}

export async function countSlice(values: number[], counts: SharedArray<number>): Promise<void> {
  for (const v of values) {
    const b = bucketOf(v, counts.length);
    await counts.set(b, (await counts.get(b)) + 1);
  }
}

// Hands the workers a SharedArray as if they were threads: a process cannot receive it
// (processes share no memory), so starting the process fails.
export async function histogram(values: readonly number[], buckets: number, processes: number): Promise<number[]> {
  const counts = new SharedArray<number>(buckets, "counts");
  const size = Math.ceil(values.length / processes);
  const workers: Process[] = [];
  for (let p = 0; p < processes; p++) {
    const w = new Process(countSlice, { args: [values.slice(p * size, (p + 1) * size), counts] });
    await w.start();
    workers.push(w);
  }
  for (const w of workers) await w.join();
  return counts.toArray();
}
