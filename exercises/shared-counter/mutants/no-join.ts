import { spawn, type Lock, type Shared } from "interleave";

export async function countConcurrently(
  counter: Shared<number>,
  lock: Lock,
  threads: number,
  perThread: number,
): Promise<number> {
  for (let t = 0; t < threads; t++) {
    spawn(async () => {
      for (let i = 0; i < perThread; i++) {
        await using _ = await lock.hold();
        const v = await counter.get();
        await counter.set(v + 1);
      }
    });
  }
  return counter.get();
}
