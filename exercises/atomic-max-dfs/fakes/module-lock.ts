// Fake: a module-level Lock around load and store instead of compare-and-swap (a forbidden primitive: not lock-free).
import { Lock, type AtomicInt } from "interleave";

const lock = new Lock("maxLock");

export async function updateMax(cell: AtomicInt, value: number): Promise<void> {
  await using _ = await lock.hold();
  const current = await cell.load();
  if (value > current) await cell.store(value);
}
