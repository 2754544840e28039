import type { Lock, SharedArray } from "interleave";

export class Theater {
  private readonly owners: SharedArray<string | null>;
  private readonly lock: Lock;

  constructor(owners: SharedArray<string | null>, lock: Lock) {
    this.owners = owners;
    this.lock = lock;
  }

  async book(seat: number, who: string): Promise<boolean> {
    // Whoever books last gets the seat: no double booking possible.
    await using _ = await this.lock.hold();
    await this.owners.set(seat, who);
    return true;
  }

  async ownerOf(seat: number): Promise<string | null> {
    await using _ = await this.lock.hold();
    return await this.owners.get(seat);
  }
}
