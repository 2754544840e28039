// Fake: wraps the runtime's Lock, which is safe but not first come, first served
import { Lock, type AtomicInt } from "interleave";

export class FairLock {
  constructor(_tickets: AtomicInt) {}

  private readonly lock = new Lock("fair.lock");

  async acquire(): Promise<void> {
    await this.lock.acquire();
  }

  async release(): Promise<void> {
    await this.lock.release();
  }
}
