// Fake: a thread per job, each joined before the next starts, so nothing runs at the same time
import { spawn } from "interleave";

export async function runAll(jobs: Array<() => Promise<number>>, _threads: number): Promise<number[]> {
  const results: number[] = [];
  for (const job of jobs) {
    const t = spawn(async () => {
      results.push(await job());
    });
    await t.join();
  }
  return results;
}
