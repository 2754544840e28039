import type { AtomicInt } from "interleave";

export async function updateMax(cell: AtomicInt, value: number): Promise<void> {
  const current = await cell.load(); // read once, outside the loop
  for (;;) {
    if (value <= current) return;
    if (await cell.compareExchange(current, value)) return; // fails forever once the cell changed
  }
}
