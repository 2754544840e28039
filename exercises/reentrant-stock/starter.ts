import type { SharedArray } from "interleave";

/**
 * A stock of items shared by several threads. Every item starts at 0.
 *
 * The logic is done; the locking is not. Make each method safe when called from many threads
 * at once, and make the compound operations atomic: nobody may ever observe half a
 * `restock()` or half a `swap()`. Note that `restock()`, `swap()` and `total()` call the other
 * public methods — think about what happens when a method that holds the lock calls another
 * one that takes it too.
 */
export class Stock {
  private readonly index = new Map<string, number>();
  private readonly counts: SharedArray<number>;

  constructor(items: readonly string[], counts: SharedArray<number>) {
    items.forEach((item, i) => this.index.set(item, i));
    this.counts = counts;
  }

  private slot(item: string): number {
    const i = this.index.get(item);
    if (i === undefined) throw new Error(`unknown item ${item}`);
    return i;
  }

  /** Add `qty` units of `item`. */
  async add(item: string, qty: number): Promise<void> {
    const i = this.slot(item);
    await this.counts.set(i, (await this.counts.get(i)) + qty);
  }

  /** Remove `qty` units of `item` if there are that many (true); otherwise change nothing (false). */
  async take(item: string, qty: number): Promise<boolean> {
    const i = this.slot(item);
    const have = await this.counts.get(i);
    if (have < qty) return false;
    await this.counts.set(i, have - qty);
    return true;
  }

  /** Units of `item` in stock. */
  async count(item: string): Promise<number> {
    return await this.counts.get(this.slot(item));
  }

  /** Units of all items together, as they were at one instant. */
  async total(): Promise<number> {
    let sum = 0;
    for (const item of this.index.keys()) sum += await this.count(item);
    return sum;
  }

  /** Add every line of the batch, as one atomic step. */
  async restock(batch: readonly (readonly [string, number])[]): Promise<void> {
    for (const [item, qty] of batch) await this.add(item, qty);
  }

  /** Trade `qty` units of `give` for `qty` units of `get`, as one atomic step; false (and no change) if `give` is short. */
  async swap(give: string, get: string, qty: number): Promise<boolean> {
    if (!(await this.take(give, qty))) return false;
    await this.add(get, qty);
    return true;
  }
}
