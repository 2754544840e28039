// Fake: a lock around a plain load-then-store, where the exercise forbids locks
import { Lock, type AtomicInt } from "interleave";

const lock = new Lock("casLock");

export async function updateMax(cell: AtomicInt, candidate: number): Promise<void> {
  await using _ = await lock.hold();
  const current = await cell.load();
  if (candidate > current) await cell.store(candidate);
}

export async function addCapped(cell: AtomicInt, delta: number, cap: number): Promise<boolean> {
  await using _ = await lock.hold();
  const current = await cell.load();
  if (current + delta > cap) return false;
  await cell.store(current + delta);
  return true;
}
