// Fake: a runtime Queue does the blocking and the items are only copied into the ring buffer afterwards
import { Queue, type SharedArray } from "interleave";

export class BoundedQueue<T> {
  readonly capacity: number;
  private readonly q: Queue<T>;
  private tail = 0;

  constructor(private readonly items: SharedArray<T | null>) {
    this.capacity = items.length;
    this.q = new Queue<T>(items.length);
  }

  async put(item: T): Promise<void> {
    await this.q.put(item);
    const slot = this.tail;
    this.tail = (this.tail + 1) % this.capacity;
    await this.items.set(slot, item);
  }

  async get(): Promise<T> {
    return await this.q.get();
  }

  async size(): Promise<number> {
    return this.q.qsize();
  }
}
