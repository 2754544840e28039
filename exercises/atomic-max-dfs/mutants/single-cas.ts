import type { AtomicInt } from "interleave";

export async function updateMax(cell: AtomicInt, value: number): Promise<void> {
  const current = await cell.load();
  if (value <= current) return;
  await cell.compareExchange(current, value); // gives up when it fails: the value is lost
}
