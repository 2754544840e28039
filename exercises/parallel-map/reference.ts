import { SharedArray, spawn } from "interleave";

export async function parallelMap(
  values: readonly number[],
  threads: number,
  fn: (x: number) => Promise<number>,
): Promise<number[]> {
  const results = new SharedArray<number>(values.length, "results");
  const chunk = Math.ceil(values.length / threads);
  const workers = [];
  for (let t = 0; t < threads; t++) {
    const start = t * chunk;
    const end = Math.min(values.length, start + chunk);
    workers.push(
      spawn(
        async () => {
          for (let i = start; i < end; i++) await results.set(i, await fn(values[i]!));
        },
        `Worker-${t + 1}`,
      ),
    );
  }
  for (const w of workers) await w.join();
  return results.toArray();
}
