// Fake: no threads at all: the calling thread runs every job, one after another
export async function runAll(jobs: Array<() => Promise<number>>, _threads: number): Promise<number[]> {
  const results: number[] = [];
  for (const job of jobs) results.push(await job());
  return results;
}
