import { RLock, type SharedArray } from "interleave";

export class Stock {
  private readonly index = new Map<string, number>();
  private readonly counts: SharedArray<number>;
  // Reentrant: restock() and swap() hold it while they call add() and take(), which take it again.
  private readonly lock = new RLock("stockLock");

  constructor(items: readonly string[], counts: SharedArray<number>) {
    items.forEach((item, i) => this.index.set(item, i));
    this.counts = counts;
  }

  private slot(item: string): number {
    const i = this.index.get(item);
    if (i === undefined) throw new Error(`unknown item ${item}`);
    return i;
  }

  async add(item: string, qty: number): Promise<void> {
    await using _ = await this.lock.hold();
    const i = this.slot(item);
    await this.counts.set(i, (await this.counts.get(i)) + qty);
  }

  async take(item: string, qty: number): Promise<boolean> {
    await using _ = await this.lock.hold();
    const i = this.slot(item);
    const have = await this.counts.get(i);
    if (have < qty) return false;
    await this.counts.set(i, have - qty);
    return true;
  }

  async count(item: string): Promise<number> {
    await using _ = await this.lock.hold();
    return await this.counts.get(this.slot(item));
  }

  async total(): Promise<number> {
    // Every count() is locked, so the sum must be right?
    let sum = 0;
    for (const item of this.index.keys()) sum += await this.count(item);
    return sum;
  }

  async restock(batch: readonly (readonly [string, number])[]): Promise<void> {
    await using _ = await this.lock.hold();
    for (const [item, qty] of batch) await this.add(item, qty);
  }

  async swap(give: string, get: string, qty: number): Promise<boolean> {
    await using _ = await this.lock.hold();
    if (!(await this.take(give, qty))) return false;
    await this.add(get, qty);
    return true;
  }
}
