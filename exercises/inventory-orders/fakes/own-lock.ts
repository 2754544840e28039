// Fake: guards the levels with a lock of its own instead of the inventory's lock the warehouse uses
import { Lock, type Shared } from "interleave";

type Levels = Readonly<Record<string, number>>;

export class Inventory {
  private readonly mine = new Lock("myLock");

  constructor(
    _initial: Readonly<Record<string, number>>,
    private readonly levels: Shared<Levels>,
    _lock: Lock,
  ) {}

  async restock(item: string, qty: number): Promise<void> {
    await using _ = await this.mine.hold();
    const levels = await this.levels.get();
    await this.levels.set({ ...levels, [item]: (levels[item] ?? 0) + qty });
  }

  async order(lines: Readonly<Record<string, number>>): Promise<boolean> {
    await using _ = await this.mine.hold();
    const levels = await this.levels.get();
    for (const [item, qty] of Object.entries(lines)) if ((levels[item] ?? 0) < qty) return false;
    const next = { ...levels };
    for (const [item, qty] of Object.entries(lines)) next[item] = (next[item] ?? 0) - qty;
    await this.levels.set(next);
    return true;
  }

  async level(item: string): Promise<number> {
    await using _ = await this.mine.hold();
    return (await this.levels.get())[item] ?? 0;
  }
}
