import { Shared, SharedArray, spawn } from "interleave";

// Workers take the next job from a shared index without a lock: two can take the same job.
export async function runAll(jobs: Array<() => Promise<number>>, threads: number): Promise<number[]> {
  const results = new SharedArray<number>(jobs.length, "results");
  const next = new Shared(0, "next");
  const workers = [];
  for (let t = 0; t < threads; t++) {
    workers.push(
      spawn(async () => {
        for (;;) {
          const i = await next.get();
          if (i >= jobs.length) return;
          await next.set(i + 1);
          await results.set(i, await jobs[i]!());
        }
      }),
    );
  }
  for (const w of workers) await w.join();
  return results.toArray();
}
