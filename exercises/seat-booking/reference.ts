import { Lock, SharedArray } from "interleave";

export class Theater {
  private readonly owners: SharedArray<string | null>;
  private readonly lock = new Lock("bookingLock");

  constructor(seats: number) {
    this.owners = new SharedArray<string | null>(new Array<string | null>(seats).fill(null), "owners");
  }

  async book(seat: number, who: string): Promise<boolean> {
    // The check ("is it free?") and the act ("it is mine") in one critical section.
    await using _ = await this.lock.hold();
    if ((await this.owners.get(seat)) !== null) return false;
    await this.owners.set(seat, who);
    return true;
  }

  async ownerOf(seat: number): Promise<string | null> {
    await using _ = await this.lock.hold();
    return await this.owners.get(seat);
  }
}
