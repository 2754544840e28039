import { Condition, Lock, type SharedArray } from "interleave";

// Consumers wait, producers do not: a put() on a full queue overwrites the oldest slot
// ("the consumer is too slow anyway"). The queue silently loses items.
export class BoundedQueue<T> {
  private readonly items: SharedArray<T | null>;
  readonly capacity: number;
  private head = 0;
  private tail = 0;
  private count = 0;
  private readonly lock = new Lock("queue.lock");
  private readonly notEmpty = new Condition(this.lock, "queue.notEmpty");

  constructor(items: SharedArray<T | null>) {
    this.items = items;
    this.capacity = items.length;
  }

  async put(item: T): Promise<void> {
    await using _ = await this.lock.hold();
    await this.items.set(this.tail, item);
    this.tail = (this.tail + 1) % this.capacity;
    if (this.count === this.capacity) this.head = (this.head + 1) % this.capacity;
    else this.count++;
    await this.notEmpty.notify();
  }

  async get(): Promise<T> {
    await using _ = await this.lock.hold();
    while (this.count === 0) await this.notEmpty.wait();
    const item = (await this.items.get(this.head)) as T;
    await this.items.set(this.head, null);
    this.head = (this.head + 1) % this.capacity;
    this.count--;
    return item;
  }

  async size(): Promise<number> {
    await using _ = await this.lock.hold();
    return this.count;
  }
}
