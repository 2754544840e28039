import { Lock, Semaphore } from "interleave";

// The classic readers–writers solution (Courtois, Heymans and Parnas, 1971): the first
// reader in takes the "room empty" semaphore for all readers, the last reader out gives it
// back. Correct — but readers that keep overlapping never let the count fall to zero, so a
// writer can wait forever.
export class ReadWriteLock {
  private readonly countLock = new Lock("rw.countLock");
  private readonly roomEmpty = new Semaphore(1, "rw.roomEmpty");
  private readers = 0;

  async acquireRead(): Promise<void> {
    await using _ = await this.countLock.hold();
    this.readers++;
    if (this.readers === 1) await this.roomEmpty.acquire();
  }

  async releaseRead(): Promise<void> {
    await using _ = await this.countLock.hold();
    this.readers--;
    if (this.readers === 0) await this.roomEmpty.release();
  }

  async acquireWrite(): Promise<void> {
    await this.roomEmpty.acquire();
  }

  async releaseWrite(): Promise<void> {
    await this.roomEmpty.release();
  }
}
