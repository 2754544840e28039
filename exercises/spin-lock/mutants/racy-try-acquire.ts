import { type AtomicInt, RuntimeError, yieldNow } from "interleave";

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
    if ((await this.state.load()) !== 0) return false;
    await this.state.store(1);
    return true;
  }

  async release(): Promise<void> {
    // exchange tells us, atomically, what we replaced: releasing a free lock is a bug.
    if ((await this.state.exchange(0)) !== 1) throw new RuntimeError("release unlocked lock");
  }
}
