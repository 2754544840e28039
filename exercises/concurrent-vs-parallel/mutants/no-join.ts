import { SharedArray, spawn } from "interleave";

// Starts the workers but returns without joining them: the results are not there yet.
export async function runAll(jobs: Array<() => Promise<number>>, threads: number): Promise<number[]> {
  const results = new SharedArray<number>(jobs.length, "results");
  const chunk = Math.ceil(jobs.length / threads);
  for (let t = 0; t < threads; t++) {
    const start = t * chunk;
    const end = Math.min(jobs.length, start + chunk);
    spawn(async () => {
      for (let i = start; i < end; i++) await results.set(i, await jobs[i]!());
    });
  }
  return results.toArray();
}
