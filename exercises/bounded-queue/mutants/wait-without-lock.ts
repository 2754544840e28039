import { yieldNow, type SharedArray } from "interleave";

// It waits while full or empty — by polling — but takes no lock: two producers can both
// see a free slot and write into the same one, two consumers can take the same item.
export class BoundedQueue<T> {
  private readonly items: SharedArray<T | null>;
  readonly capacity: number;
  private head = 0;
  private tail = 0;
  private count = 0;

  constructor(items: SharedArray<T | null>) {
    this.items = items;
    this.capacity = items.length;
  }

  async put(item: T): Promise<void> {
    while (this.count === this.capacity) await yieldNow();
    await this.items.set(this.tail, item);
    this.tail = (this.tail + 1) % this.capacity;
    this.count++;
  }

  async get(): Promise<T> {
    while (this.count === 0) await yieldNow();
    const item = (await this.items.get(this.head)) as T;
    await this.items.set(this.head, null);
    this.head = (this.head + 1) % this.capacity;
    this.count--;
    return item;
  }

  async size(): Promise<number> {
    return this.count;
  }
}
