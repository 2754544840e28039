import type { AtomicInt } from "interleave";

export async function updateMax(cell: AtomicInt, candidate: number): Promise<void> {
  const current = await cell.load();
  // compareExchange is atomic, so one try is enough.
  if (candidate > current) await cell.compareExchange(current, candidate);
}

export async function addCapped(cell: AtomicInt, delta: number, cap: number): Promise<boolean> {
  for (;;) {
    const current = await cell.load();
    if (current + delta > cap) return false;
    if (await cell.compareExchange(current, current + delta)) return true;
  }
}
