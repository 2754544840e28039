// Fake: returns the expected total (threads × perThread) without counting anything
import type { Lock, Shared } from "interleave";

export async function countConcurrently(
  counter: Shared<number>,
  _lock: Lock,
  threads: number,
  perThread: number,
): Promise<number> {
  await counter.set(threads * perThread);
  return threads * perThread;
}
