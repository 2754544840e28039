// Fake: starts one thread per chunk but joins each before starting the next, so nothing overlaps
import { SharedArray, spawn } from "interleave";

export async function parallelMap(
  values: readonly number[],
  threads: number,
  fn: (x: number) => Promise<number>,
): Promise<number[]> {
  const results = new SharedArray<number>(values.length, "results");
  const size = Math.ceil(values.length / threads);
  for (let t = 0; t < threads; t++) {
    const w = spawn(
      async () => {
        for (let i = t * size; i < Math.min(values.length, (t + 1) * size); i++)
          await results.set(i, await fn(values[i]!));
      },
      `Worker-${t + 1}`,
    );
    await w.join();
  }
  return results.toArray();
}
