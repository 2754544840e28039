// Fake: books seats in a plain Map instead of the shared seat map (code between awaits is atomic, so check-then-act never races)
import type { Lock, SharedArray } from "interleave";

export class Theater {
  private readonly taken = new Map<number, string>();
  private readonly owners: SharedArray<string | null>;

  constructor(owners: SharedArray<string | null>, _lock: Lock) {
    this.owners = owners;
  }

  async book(seat: number, who: string): Promise<boolean> {
    if (this.taken.has(seat)) return false;
    this.taken.set(seat, who);
    await this.owners.set(seat, who);
    return true;
  }

  async ownerOf(seat: number): Promise<string | null> {
    return this.taken.get(seat) ?? null;
  }
}
