// Fake: plain state — remembers the maximum in a module variable and stores it with exchange, no compare-and-swap.
import type { AtomicInt } from "interleave";

let best = -Infinity;

export async function updateMax(cell: AtomicInt, value: number): Promise<void> {
  best = Math.max(best, value, await cell.load());
  await cell.exchange(best);
}
