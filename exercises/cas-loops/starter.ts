import type { AtomicInt } from "interleave";

/**
 * Raise `cell` to `candidate` if `candidate` is larger than its current value; otherwise leave
 * it alone. Many threads call this at once: the cell must end up holding the largest value
 * any of them offered, and must never go down. Use no lock: a compare-and-swap loop.
 */
export async function updateMax(cell: AtomicInt, candidate: number): Promise<void> {
  const current = await cell.load();
  if (candidate > current) await cell.store(candidate);
}

/**
 * Add `delta` to `cell` if the result stays at or below `cap` (resolve to true); otherwise
 * change nothing and resolve to false. The cell must never exceed `cap`. Use no lock.
 */
export async function addCapped(cell: AtomicInt, delta: number, cap: number): Promise<boolean> {
  const current = await cell.load();
  if (current + delta > cap) return false;
  await cell.store(current + delta);
  return true;
}
