import { Lock } from "interleave";

// "A lock is a lock": every reader takes the lock exclusively. Safe, never starves anyone,
// but readers can no longer read at the same time — the whole point of a readers–writers lock.
export class ReadWriteLock {
  private readonly lock = new Lock("rw.lock");

  async acquireRead(): Promise<void> {
    await this.lock.acquire();
  }

  async releaseRead(): Promise<void> {
    await this.lock.release();
  }

  async acquireWrite(): Promise<void> {
    await this.lock.acquire();
  }

  async releaseWrite(): Promise<void> {
    await this.lock.release();
  }
}
