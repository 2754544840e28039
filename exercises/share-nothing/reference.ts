import { Process, ProcessQueue } from "interleave";

/** A worker counts its slice in its OWN memory and sends the little histogram back. */
export async function countSlice(
  bucketOf: (value: number, buckets: number) => number,
  values: number[],
  buckets: number,
  out: ProcessQueue<number[]>,
): Promise<void> {
  const counts = new Array<number>(buckets).fill(0);
  for (const v of values) counts[bucketOf(v, buckets)]!++;
  await out.put(counts);
}

export async function histogram(
  values: readonly number[],
  buckets: number,
  processes: number,
  bucketOf: (value: number, buckets: number) => number,
): Promise<number[]> {
  const out = new ProcessQueue<number[]>();
  const size = Math.ceil(values.length / processes);
  const workers: Process[] = [];
  for (let p = 0; p < processes; p++) {
    const w = new Process(countSlice, { args: [bucketOf, values.slice(p * size, (p + 1) * size), buckets, out] });
    await w.start();
    workers.push(w);
  }
  const total = new Array<number>(buckets).fill(0);
  for (let p = 0; p < processes; p++) {
    const part = await out.get();
    for (let b = 0; b < buckets; b++) total[b]! += part[b]!;
  }
  for (const w of workers) await w.join();
  return total;
}
