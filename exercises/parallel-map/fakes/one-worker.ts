// Fake: one worker thread maps every value while the others idle
import { SharedArray, spawn } from "interleave";

export async function parallelMap(
  values: readonly number[],
  threads: number,
  fn: (x: number) => Promise<number>,
): Promise<number[]> {
  const results = new SharedArray<number>(values.length, "results");
  const workers = Array.from({ length: threads }, (_, t) =>
    spawn(async () => {
      if (t !== 0) return;
      for (let i = 0; i < values.length; i++) await results.set(i, await fn(values[i]!));
    }, `Worker-${t}`),
  );
  for (const w of workers) await w.join();
  return results.toArray();
}
