import type { Lock, Shared } from "interleave";

type Levels = Readonly<Record<string, number>>;

export class Inventory {
  private readonly levels: Shared<Levels>;
  // One lock for the whole map: every read-modify-write of `levels` happens under it.
  private readonly lock: Lock;

  constructor(_initial: Readonly<Record<string, number>>, levels: Shared<Levels>, lock: Lock) {
    this.levels = levels;
    this.lock = lock;
  }

  async restock(item: string, qty: number): Promise<void> {
    await using _ = await this.lock.hold();
    const levels = await this.levels.get();
    await this.levels.set({ ...levels, [item]: (levels[item] ?? 0) + qty });
  }

  async order(lines: Readonly<Record<string, number>>): Promise<boolean> {
    await using _ = await this.lock.hold();
    // Line by line: take each item if it is there.
    for (const [item, qty] of Object.entries(lines)) {
      const levels = await this.levels.get();
      if ((levels[item] ?? 0) < qty) return false; // the earlier lines stay taken
      await this.levels.set({ ...levels, [item]: (levels[item] ?? 0) - qty });
    }
    return true;
  }

  async level(item: string): Promise<number> {
    await using _ = await this.lock.hold();
    return (await this.levels.get())[item] ?? 0;
  }
}
