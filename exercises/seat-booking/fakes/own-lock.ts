// Fake: guards the seat map with a lock of its own instead of the lock the box office uses
import { Lock, type SharedArray } from "interleave";

export class Theater {
  private readonly owners: SharedArray<string | null>;
  private readonly mine = new Lock("myLock");

  constructor(owners: SharedArray<string | null>, _lock: Lock) {
    this.owners = owners;
  }

  async book(seat: number, who: string): Promise<boolean> {
    await using _ = await this.mine.hold();
    if ((await this.owners.get(seat)) !== null) return false;
    await this.owners.set(seat, who);
    return true;
  }

  async ownerOf(seat: number): Promise<string | null> {
    await using _ = await this.mine.hold();
    return await this.owners.get(seat);
  }
}
