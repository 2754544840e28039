import type { AtomicInt } from "interleave";

export async function updateMax(cell: AtomicInt, value: number): Promise<void> {
  for (;;) {
    const current = await cell.load();
    if (value <= current) return; // somebody already put something at least as large
    // Only if nobody changed the cell since we read it; otherwise read it again and retry.
    if (await cell.compareExchange(current, value)) return;
  }
}
