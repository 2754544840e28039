// Alternate: dynamic assignment (each thread takes the next job from an AtomicInt) instead of static contiguous chunks.
import { AtomicInt, SharedArray, spawn } from "interleave";

export async function runAll(jobs: Array<() => Promise<number>>, threads: number): Promise<number[]> {
  const results = new SharedArray<number>(jobs.length, "results");
  const next = new AtomicInt(0, "nextJob");
  const workers = Array.from({ length: threads }, (_, t) =>
    spawn(
      async () => {
        for (let i = await next.fetchAdd(1); i < jobs.length; i = await next.fetchAdd(1))
          await results.set(i, await jobs[i]!());
      },
      `Worker-${t + 1}`,
    ),
  );
  for (const w of workers) await w.join();
  return results.toArray();
}
