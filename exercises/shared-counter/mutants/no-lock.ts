import { spawn, type Lock, type Shared } from "interleave";

export async function countConcurrently(
  counter: Shared<number>,
  lock: Lock,
  threads: number,
  perThread: number,
): Promise<number> {
  const workers = [];
  for (let t = 0; t < threads; t++) {
    workers.push(
      spawn(async () => {
        for (let i = 0; i < perThread; i++) {
          const v = await counter.get();
          await counter.set(v + 1);
        }
      }),
    );
  }
  for (const w of workers) await w.join();
  return counter.get();
}
