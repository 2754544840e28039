// Fake: threads instead of processes, sharing one histogram: under the GIL they compute one at a time
import { spawn } from "interleave";

export async function histogram(
  values: readonly number[],
  buckets: number,
  processes: number,
  bucketOf: (value: number, buckets: number) => number,
): Promise<number[]> {
  const counts = new Array<number>(buckets).fill(0);
  const size = Math.ceil(values.length / Math.max(1, processes));
  const threads = [];
  for (let p = 0; p < processes; p++) {
    threads.push(
      spawn(async () => {
        for (const v of values.slice(p * size, (p + 1) * size)) counts[bucketOf(v, buckets)]!++;
      }),
    );
  }
  for (const t of threads) await t.join();
  return counts;
}
