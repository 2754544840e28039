import { type AtomicInt, yieldNow } from "interleave";

/**
 * A spin lock built on the AtomicInt it is given (0: free, 1: held), with no Lock inside.
 *
 * acquire(): return once the calling thread holds the lock, spinning (with yieldNow()) while
 *   another thread holds it.
 * tryAcquire(): take the lock if it is free (true), otherwise return false at once.
 * release(): free the lock; releasing a lock that is not held throws an Error.
 *
 * This version looks at the flag and then sets it. Is that one step?
 */
export class SpinLock {
  /** The lock word it is given: 0 free, 1 held. */
  constructor(private readonly state: AtomicInt) {}

  async acquire(): Promise<void> {
    while ((await this.state.load()) !== 0) await yieldNow();
    await this.state.store(1);
  }

  async tryAcquire(): Promise<boolean> {
    if ((await this.state.load()) !== 0) return false;
    await this.state.store(1);
    return true;
  }

  async release(): Promise<void> {
    // TODO: releasing a lock that is not held must throw
    await this.state.store(0);
  }
}
