// VAULT-SECRET-REFERENCE-4b1d: the reference's source must never reach a submission.
import { Lock, Shared, spawn } from "interleave";

export async function countConcurrently(threads: number, perThread: number): Promise<number> {
  const counter = new Shared(0, "counter");
  const lock = new Lock("counter-lock");
  const workers = [];
  for (let t = 0; t < threads; t++)
    workers.push(
      spawn(async () => {
        for (let i = 0; i < perThread; i++) {
          await using _ = await lock.hold();
          await counter.set((await counter.get()) + 1);
        }
      }),
    );
  for (const w of workers) await w.join();
  return counter.get();
}
