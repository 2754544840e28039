import { SharedArray, spawn } from "interleave";

/**
 * Run every job exactly once using `threads` threads and resolve to their results, in the
 * order of `jobs` (result[i] is what jobs[i]() resolved to).
 */
export async function runAll(jobs: Array<() => Promise<number>>, threads: number): Promise<number[]> {
  // Sequential: correct, but one job at a time whatever the number of threads or cores.
  // TODO: give every thread its own share of the jobs, start them all, then join them all.
  const results = new SharedArray<number>(jobs.length, "results");
  for (let i = 0; i < jobs.length; i++) await results.set(i, await jobs[i]!());
  void spawn; // you will need it
  void threads;
  return results.toArray();
}
