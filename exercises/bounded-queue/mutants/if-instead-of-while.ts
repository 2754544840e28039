import { Condition, Lock, type SharedArray } from "interleave";

// `if` where a `while` belongs: a consumer woken by notify() does not look again, yet
// another consumer may have taken the item between the notify and its wake-up.
export class BoundedQueue<T> {
  private readonly items: SharedArray<T | null>;
  readonly capacity: number;
  private head = 0;
  private tail = 0;
  private count = 0;
  private readonly lock = new Lock("queue.lock");
  private readonly notFull = new Condition(this.lock, "queue.notFull");
  private readonly notEmpty = new Condition(this.lock, "queue.notEmpty");

  constructor(items: SharedArray<T | null>) {
    this.items = items;
    this.capacity = items.length;
  }

  async put(item: T): Promise<void> {
    await using _ = await this.lock.hold();
    if (this.count === this.capacity) await this.notFull.wait();
    await this.items.set(this.tail, item);
    this.tail = (this.tail + 1) % this.capacity;
    this.count++;
    await this.notEmpty.notify();
  }

  async get(): Promise<T> {
    await using _ = await this.lock.hold();
    if (this.count === 0) await this.notEmpty.wait();
    const item = (await this.items.get(this.head)) as T;
    await this.items.set(this.head, null);
    this.head = (this.head + 1) % this.capacity;
    this.count--;
    await this.notFull.notify();
    return item;
  }

  async size(): Promise<number> {
    await using _ = await this.lock.hold();
    return this.count;
  }
}
