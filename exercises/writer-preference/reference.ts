import { Condition, Lock } from "interleave";

/**
 * A readers–writers lock with writer preference (the "second readers–writers problem"):
 * any number of readers may share it, a writer holds it alone, and as soon as a writer is
 * waiting no new reader gets in — so a steady stream of readers cannot starve the writer.
 */
export class ReadWriteLock {
  private readonly lock = new Lock("rw.lock");
  private readonly changed = new Condition(this.lock, "rw.changed");
  /** Readers holding the lock. */
  private readers = 0;
  /** Whether a writer holds the lock. */
  private writing = false;
  /** Writers waiting in acquireWrite(): while there is one, new readers wait too. */
  private waitingWriters = 0;

  async acquireRead(): Promise<void> {
    await using _ = await this.lock.hold();
    while (this.writing || this.waitingWriters > 0) await this.changed.wait();
    this.readers++;
  }

  async releaseRead(): Promise<void> {
    await using _ = await this.lock.hold();
    this.readers--;
    if (this.readers === 0) await this.changed.notifyAll();
  }

  async acquireWrite(): Promise<void> {
    await using _ = await this.lock.hold();
    this.waitingWriters++;
    while (this.writing || this.readers > 0) await this.changed.wait();
    this.waitingWriters--;
    this.writing = true;
  }

  async releaseWrite(): Promise<void> {
    await using _ = await this.lock.hold();
    this.writing = false;
    await this.changed.notifyAll();
  }
}
