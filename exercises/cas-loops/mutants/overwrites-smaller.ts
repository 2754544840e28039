import type { AtomicInt } from "interleave";

export async function updateMax(cell: AtomicInt, candidate: number): Promise<void> {
  for (;;) {
    const current = await cell.load();
    // A proper CAS loop — installing the candidate whatever it is.
    if (await cell.compareExchange(current, candidate)) return;
  }
}

export async function addCapped(cell: AtomicInt, delta: number, cap: number): Promise<boolean> {
  for (;;) {
    const current = await cell.load();
    if (current + delta > cap) return false;
    if (await cell.compareExchange(current, current + delta)) return true;
  }
}
