// Fake: no threads at all: the calling thread maps every value itself
import { SharedArray } from "interleave";

export async function parallelMap(
  values: readonly number[],
  _threads: number,
  fn: (x: number) => Promise<number>,
): Promise<number[]> {
  const results = new SharedArray<number>(values.length, "results");
  for (let i = 0; i < values.length; i++) await results.set(i, await fn(values[i]!));
  return results.toArray();
}
