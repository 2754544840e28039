// Fake: no threads at all: the main thread does every increment itself, one after another
import type { Lock, Shared } from "interleave";

export async function countConcurrently(
  counter: Shared<number>,
  _lock: Lock,
  threads: number,
  perThread: number,
): Promise<number> {
  for (let i = 0; i < threads * perThread; i++) {
    const v = await counter.get();
    await counter.set(v + 1);
  }
  return counter.get();
}
