import type { Lock, SharedArray } from "interleave";

export class Theater {
  private readonly owners: SharedArray<string | null>;
  private readonly lock: Lock;

  constructor(owners: SharedArray<string | null>, lock: Lock) {
    this.owners = owners;
    this.lock = lock;
  }

  async book(seat: number, who: string): Promise<boolean> {
    await using _ = await this.lock.hold();
    if ((await this.ownerOf(seat)) !== null) return false; // reuse the locked getter
    await this.owners.set(seat, who);
    return true;
  }

  async ownerOf(seat: number): Promise<string | null> {
    await using _ = await this.lock.hold();
    return await this.owners.get(seat);
  }
}
