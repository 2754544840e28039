import { Lock, Shared } from "interleave";

export class Inventory {
  private readonly cells = new Map<string, { level: Shared<number>; lock: Lock }>();

  constructor(initial: Readonly<Record<string, number>>, _levels?: Shared<Record<string, number>>, _lock?: Lock) {
    for (const [item, qty] of Object.entries(initial)) this.cellOf(item, qty);
  }

  private cellOf(item: string, initial = 0): { level: Shared<number>; lock: Lock } {
    let cell = this.cells.get(item);
    if (!cell) {
      cell = { level: new Shared(initial, `level-${item}`), lock: new Lock(`lock-${item}`) };
      this.cells.set(item, cell);
    }
    return cell;
  }

  async restock(item: string, qty: number): Promise<void> {
    const cell = this.cellOf(item);
    await using _ = await cell.lock.hold();
    await cell.level.set((await cell.level.get()) + qty);
  }

  async order(lines: Readonly<Record<string, number>>): Promise<boolean> {
    // Lock the items in the order the customer listed them.
    const cells = Object.entries(lines).map(([item, qty]) => ({ cell: this.cellOf(item), qty }));
    const held: Lock[] = [];
    try {
      for (const { cell } of cells) {
        await cell.lock.acquire();
        held.push(cell.lock);
      }
      for (const { cell, qty } of cells) if ((await cell.level.get()) < qty) return false;
      for (const { cell, qty } of cells) await cell.level.set((await cell.level.get()) - qty);
      return true;
    } finally {
      for (const lock of held.reverse()) await lock.release();
    }
  }

  async level(item: string): Promise<number> {
    const cell = this.cellOf(item);
    await using _ = await cell.lock.hold();
    return await cell.level.get();
  }
}
