// Fake: counts in a plain Map and no lock (code between awaits is atomic, so batches look atomic)
import type { SharedArray } from "interleave";

export class Stock {
  private readonly counts = new Map<string, number>();

  constructor(items: readonly string[], _cells: SharedArray<number>) {
    for (const item of items) this.counts.set(item, 0);
  }

  private has(item: string): number {
    const n = this.counts.get(item);
    if (n === undefined) throw new Error(`unknown item ${item}`);
    return n;
  }

  async add(item: string, qty: number): Promise<void> {
    this.counts.set(item, this.has(item) + qty);
  }

  async take(item: string, qty: number): Promise<boolean> {
    const have = this.has(item);
    if (have < qty) return false;
    this.counts.set(item, have - qty);
    return true;
  }

  async count(item: string): Promise<number> {
    return this.has(item);
  }

  async total(): Promise<number> {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  async restock(batch: readonly (readonly [string, number])[]): Promise<void> {
    for (const [item, qty] of batch) this.counts.set(item, this.has(item) + qty);
  }

  async swap(give: string, get: string, qty: number): Promise<boolean> {
    if (this.has(give) < qty) return false;
    this.counts.set(give, this.has(give) - qty);
    this.counts.set(get, this.has(get) + qty);
    return true;
  }
}
