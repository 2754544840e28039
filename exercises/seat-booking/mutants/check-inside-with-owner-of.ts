import { Lock, SharedArray } from "interleave";

export class Theater {
  private readonly owners: SharedArray<string | null>;
  private readonly lock = new Lock("bookingLock");

  constructor(seats: number) {
    this.owners = new SharedArray<string | null>(new Array<string | null>(seats).fill(null), "owners");
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
