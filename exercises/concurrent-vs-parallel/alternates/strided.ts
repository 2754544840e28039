// Alternate: round-robin (strided) assignment, job i to thread i % threads, each thread keeping its results locally and the caller merging them after join, instead of contiguous chunks written to a SharedArray.
import { spawn } from "interleave";

export async function runAll(jobs: Array<() => Promise<number>>, threads: number): Promise<number[]> {
  const perThread: number[][] = Array.from({ length: threads }, () => []);
  const workers = Array.from({ length: threads }, (_, t) =>
    spawn(
      async () => {
        for (let i = t; i < jobs.length; i += threads) perThread[t]!.push(await jobs[i]!());
      },
      `Worker-${t + 1}`,
    ),
  );
  for (const w of workers) await w.join();
  return jobs.map((_, i) => perThread[i % threads]![Math.floor(i / threads)]!);
}
