import type { Lock, Shared } from "interleave";

type Levels = Readonly<Record<string, number>>;

/**
 * A shop's inventory, used by many threads at once.
 *
 * restock(item, qty): add qty units of item.
 * order(lines): e.g. { apples: 2, pears: 1 }. All or nothing: if every line is in stock, take
 *   them all and resolve to true; otherwise change nothing and resolve to false.
 * level(item): units of item in stock (0 for an item never seen).
 *
 * This version is correct for one thread. With several, orders and deliveries get lost.
 */
export class Inventory {
  private readonly levels: Shared<Levels>;
  private readonly lock: Lock;

  constructor(_initial: Readonly<Record<string, number>>, levels: Shared<Levels>, lock: Lock) {
    this.levels = levels;
    this.lock = lock;
  }

  async restock(item: string, qty: number): Promise<void> {
    const levels = await this.levels.get();
    await this.levels.set({ ...levels, [item]: (levels[item] ?? 0) + qty });
  }

  async order(lines: Readonly<Record<string, number>>): Promise<boolean> {
    const levels = await this.levels.get();
    for (const [item, qty] of Object.entries(lines)) if ((levels[item] ?? 0) < qty) return false;
    const next = { ...levels };
    for (const [item, qty] of Object.entries(lines)) next[item] = (next[item] ?? 0) - qty;
    await this.levels.set(next);
    return true;
  }

  async level(item: string): Promise<number> {
    return (await this.levels.get())[item] ?? 0;
  }
}
