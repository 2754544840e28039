import { AtomicInt, yieldNow } from "interleave";

// A test-and-set spinlock: "fair enough", since everybody keeps trying. But the thread that
// just released the lock tries again at once and usually wins; the others can lose forever.
export class FairLock {
  constructor(_tickets: AtomicInt) {}

  private readonly taken = new AtomicInt(0, "fair.taken");

  async acquire(): Promise<void> {
    while (!(await this.taken.compareExchange(0, 1))) await yieldNow();
  }

  async release(): Promise<void> {
    await this.taken.store(0);
  }
}
