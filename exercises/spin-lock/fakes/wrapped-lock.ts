// Fake: wraps the runtime's Lock instead of building the spin lock on the lock word
import { Lock, type AtomicInt } from "interleave";

export class SpinLock {
  private readonly lock = new Lock("inner");

  constructor(_state: AtomicInt) {}

  async acquire(): Promise<void> {
    await this.lock.acquire();
  }

  async tryAcquire(): Promise<boolean> {
    return await this.lock.acquire({ timeout: 0 });
  }

  async release(): Promise<void> {
    await this.lock.release();
  }
}
