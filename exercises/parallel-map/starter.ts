import { SharedArray } from "interleave";

/**
 * Apply `fn` to every value using `threads` threads and return the results in the order of
 * `values` (result[i] = fn(values[i])).
 *
 * This version is correct but sequential: the main thread does everything. Make it run on
 * `threads` threads: give each one a chunk of the indices, let it write its results into
 * its own cells of `results`, and return only after every thread has finished.
 */
export async function parallelMap(
  values: readonly number[],
  threads: number,
  fn: (x: number) => Promise<number>,
): Promise<number[]> {
  const results = new SharedArray<number>(values.length, "results");
  // TODO: spawn `threads` threads (spawn(fn, name)), each handling its own chunk; then join them all.
  for (let i = 0; i < values.length; i++) await results.set(i, await fn(values[i]!));
  return results.toArray();
}
