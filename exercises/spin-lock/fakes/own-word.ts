// Fake: a correct spin lock, but on a lock word of its own instead of the one it is given
import { AtomicInt, yieldNow } from "interleave";

export class SpinLock {
  private readonly word = new AtomicInt(0);
  constructor(_state: AtomicInt) {}

  async acquire(): Promise<void> {
    while (!(await this.word.compareExchange(0, 1))) await yieldNow();
  }

  async tryAcquire(): Promise<boolean> {
    return await this.word.compareExchange(0, 1);
  }

  async release(): Promise<void> {
    if (!(await this.word.compareExchange(1, 0))) throw new Error("release of a free lock");
  }
}
