import type { AtomicInt } from "interleave";

export async function updateMax(cell: AtomicInt, candidate: number): Promise<void> {
  for (;;) {
    const current = await cell.load();
    if (candidate <= current) return; // nothing to do: someone already holds a larger value
    // Install the candidate only if nobody changed the cell since we read it; otherwise re-read.
    if (await cell.compareExchange(current, candidate)) return;
  }
}

export async function addCapped(cell: AtomicInt, delta: number, cap: number): Promise<boolean> {
  // Both operations are atomic, so together they must be too.
  if ((await cell.load()) + delta > cap) return false;
  await cell.fetchAdd(delta);
  return true;
}
