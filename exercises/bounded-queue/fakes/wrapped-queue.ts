// Fake: wraps the runtime's own blocking Queue instead of building the queue on the ring buffer
import { Queue, type SharedArray } from "interleave";

export class BoundedQueue<T> {
  readonly capacity: number;
  private readonly q: Queue<T>;

  constructor(items: SharedArray<T | null>) {
    this.capacity = items.length;
    this.q = new Queue<T>(items.length);
  }

  async put(item: T): Promise<void> {
    await this.q.put(item);
  }

  async get(): Promise<T> {
    return await this.q.get();
  }

  async size(): Promise<number> {
    return this.q.qsize();
  }
}
