// Fake: starts threads that do nothing (decoys) while the calling thread maps every value itself
import { SharedArray, spawn, yieldNow } from "interleave";

export async function parallelMap(
  values: readonly number[],
  threads: number,
  fn: (x: number) => Promise<number>,
): Promise<number[]> {
  const decoys = Array.from({ length: threads }, (_, t) => spawn(() => yieldNow(), `Worker-${t}`));
  const results = new SharedArray<number>(values.length, "results");
  for (let i = 0; i < values.length; i++) await results.set(i, await fn(values[i]!));
  for (const d of decoys) await d.join();
  return results.toArray();
}
