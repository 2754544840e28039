import type { AtomicInt } from "interleave";

export async function updateMax(cell: AtomicInt, candidate: number): Promise<void> {
  const current = await cell.load();
  if (candidate <= current) return;
  // Retry until the swap succeeds (with the value we read at the start).
  while (!(await cell.compareExchange(current, candidate))) {
    /* try again */
  }
}

export async function addCapped(cell: AtomicInt, delta: number, cap: number): Promise<boolean> {
  for (;;) {
    const current = await cell.load();
    if (current + delta > cap) return false;
    if (await cell.compareExchange(current, current + delta)) return true;
  }
}
