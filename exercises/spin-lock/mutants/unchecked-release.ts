import { type AtomicInt, yieldNow } from "interleave";

export class SpinLock {
  /** The lock word it is given: 0 free, 1 held. */
  constructor(private readonly state: AtomicInt) {}

  async acquire(): Promise<void> {
    for (;;) {
      // Test-and-test-and-set: look first (a load writes nothing), swap only when it looks free.
      if ((await this.state.load()) === 0 && (await this.state.compareExchange(0, 1))) return;
      await yieldNow(); // let the holder run instead of burning our turn
    }
  }

  async tryAcquire(): Promise<boolean> {
    return await this.state.compareExchange(0, 1);
  }

  async release(): Promise<void> {
    await this.state.store(0); // freeing a free lock does no harm
  }
}
