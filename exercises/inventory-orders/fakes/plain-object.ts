// Fake: plain object for the stock levels and no lock (code between awaits is atomic, so check-then-act never races)
type Levels = Record<string, number>;

export class Inventory {
  private readonly levels: Levels;

  constructor(initial: Readonly<Record<string, number>>) {
    this.levels = { ...initial };
  }

  async restock(item: string, qty: number): Promise<void> {
    this.levels[item] = (this.levels[item] ?? 0) + qty;
  }

  async order(lines: Readonly<Record<string, number>>): Promise<boolean> {
    for (const [item, qty] of Object.entries(lines)) if ((this.levels[item] ?? 0) < qty) return false;
    for (const [item, qty] of Object.entries(lines)) this.levels[item] = (this.levels[item] ?? 0) - qty;
    return true;
  }

  async level(item: string): Promise<number> {
    return this.levels[item] ?? 0;
  }
}
