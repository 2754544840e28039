import { SharedArray } from "interleave";

/**
 * A theater's seat map, shared by many booking threads.
 *
 * book(seat, who): if the seat is free, it becomes `who`'s and book resolves to true;
 * if anybody (even `who`) already has it, nothing changes and book resolves to false.
 * ownerOf(seat): the name of the seat's owner, or null while it is free.
 *
 * This version checks whether the seat is free and then takes it. Is that one step?
 */
export class Theater {
  private readonly owners: SharedArray<string | null>;

  constructor(seats: number) {
    this.owners = new SharedArray<string | null>(new Array<string | null>(seats).fill(null), "owners");
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
