// Fake: keeps the items in a plain array and spins with yieldNow() instead of waiting on a condition
import { yieldNow, type SharedArray } from "interleave";

export class BoundedQueue<T> {
  readonly capacity: number;
  private readonly items: T[] = [];

  constructor(slots: SharedArray<T | null>) {
    this.capacity = slots.length;
  }

  async put(item: T): Promise<void> {
    while (this.items.length >= this.capacity) await yieldNow();
    this.items.push(item);
  }

  async get(): Promise<T> {
    while (this.items.length === 0) await yieldNow();
    return this.items.shift()!;
  }

  async size(): Promise<number> {
    return this.items.length;
  }
}
