import type { SharedArray } from "interleave";

/**
 * A bounded FIFO queue stored in the ring buffer it is given: `items` holds `capacity` slots, `head` is
 * the slot of the oldest item, `tail` the slot where the next item goes, `count` how many
 * items are stored.
 *
 * This version only works for one thread: it throws when the queue is full or empty.
 * Make it thread-safe and blocking.
 */
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

  /** Add `item` at the back; waits while the queue is full. */
  async put(item: T): Promise<void> {
    // TODO: wait while full instead of throwing; make it safe for many threads.
    if (this.count === this.capacity) throw new Error("queue full");
    await this.items.set(this.tail, item);
    this.tail = (this.tail + 1) % this.capacity;
    this.count++;
  }

  /** Remove and return the item at the front; waits while the queue is empty. */
  async get(): Promise<T> {
    // TODO: wait while empty instead of throwing; make it safe for many threads.
    if (this.count === 0) throw new Error("queue empty");
    const item = (await this.items.get(this.head)) as T;
    await this.items.set(this.head, null);
    this.head = (this.head + 1) % this.capacity;
    this.count--;
    return item;
  }

  /** How many items are in the queue. */
  async size(): Promise<number> {
    return this.count;
  }
}
