// Fake: wraps a runtime Semaphore(1) instead of building the ticket lock
import { Semaphore, type AtomicInt } from "interleave";

export class FairLock {
  constructor(_tickets: AtomicInt) {}

  private readonly permits = new Semaphore(1, "fair.permits");

  async acquire(): Promise<void> {
    await this.permits.acquire();
  }

  async release(): Promise<void> {
    await this.permits.release();
  }
}
