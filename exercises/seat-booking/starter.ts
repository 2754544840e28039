import type { Lock, SharedArray } from "interleave";

/**
 * A theater's seat map, shared by many booking threads.
 *
 * book(seat, who): if the seat is free, it becomes `who`'s and book resolves to true;
 * if anybody (even `who`) already has it, nothing changes and book resolves to false.
 * ownerOf(seat): the name of the seat's owner, or null while it is free.
 *
 * The theater gives it the seat map (`owners`, one cell per seat) and the seat map's `Lock`:
 * the box office books seats in the same cells, under the same lock, while the booking
 * threads run.
 *
 * This version checks whether the seat is free and then takes it. Is that one step?
 */
export class Theater {
  private readonly owners: SharedArray<string | null>;
  private readonly lock: Lock;

  constructor(owners: SharedArray<string | null>, lock: Lock) {
    this.owners = owners;
    this.lock = lock;
  }

  async book(seat: number, who: string): Promise<boolean> {
    if ((await this.owners.get(seat)) !== null) return false;
    await this.owners.set(seat, who);
    return true;
  }

  async ownerOf(seat: number): Promise<string | null> {
    return await this.owners.get(seat);
  }
}
