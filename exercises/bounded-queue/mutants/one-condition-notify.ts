import { Condition, Lock, type SharedArray } from "interleave";

// One condition for both "not full" and "not empty", and notify() wakes a single waiter:
// a consumer's notify can wake another consumer instead of a producer (and vice versa);
// that one goes back to sleep, and the thread that could go on is never woken.
export class BoundedQueue<T> {
  private readonly items: SharedArray<T | null>;
  readonly capacity: number;
  private head = 0;
  private tail = 0;
  private count = 0;
  private readonly lock = new Lock("queue.lock");
  private readonly changed = new Condition(this.lock, "queue.changed");

  constructor(items: SharedArray<T | null>) {
    this.items = items;
    this.capacity = items.length;
  }

  async put(item: T): Promise<void> {
    await using _ = await this.lock.hold();
    while (this.count === this.capacity) await this.changed.wait();
    await this.items.set(this.tail, item);
    this.tail = (this.tail + 1) % this.capacity;
    this.count++;
    await this.changed.notify();
  }

  async get(): Promise<T> {
    await using _ = await this.lock.hold();
    while (this.count === 0) await this.changed.wait();
    const item = (await this.items.get(this.head)) as T;
    await this.items.set(this.head, null);
    this.head = (this.head + 1) % this.capacity;
    this.count--;
    await this.changed.notify();
    return item;
  }

  async size(): Promise<number> {
    await using _ = await this.lock.hold();
    return this.count;
  }
}
