import { Lock, Shared, spawn } from "interleave";

export async function countConcurrently(threads: number, perThread: number): Promise<number> {
  const counter = new Shared(0, "counter");
  const lock = new Lock();
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
