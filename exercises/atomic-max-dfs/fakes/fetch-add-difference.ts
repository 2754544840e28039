// Fake: adds the difference with fetchAdd — atomic, but computed from a stale read.
import type { AtomicInt } from "interleave";

export async function updateMax(cell: AtomicInt, value: number): Promise<void> {
  const current = await cell.load();
  if (value > current) await cell.fetchAdd(value - current);
}
