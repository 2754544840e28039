import { Shared, SharedArray, spawn } from "interleave";

export async function parallelMap(
  values: readonly number[],
  threads: number,
  fn: (x: number) => Promise<number>,
): Promise<number[]> {
  const results = new SharedArray<number>(values.length, "results");
  const next = new Shared(0, "next");
  const workers = [];
  for (let t = 0; t < threads; t++) {
    workers.push(
      spawn(async () => {
        // Each thread grabs the next unprocessed index: balances the load, but the grab is not atomic.
        for (;;) {
          const i = await next.get();
          if (i >= values.length) return;
          await next.set(i + 1);
          await results.set(i, await fn(values[i]!));
        }
      }),
    );
  }
  for (const w of workers) await w.join();
  return results.toArray();
}
