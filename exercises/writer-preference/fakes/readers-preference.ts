// Fake: the readers-preference lock it was given, unchanged: a stream of readers keeps the writer out
import { Condition, Lock } from "interleave";

/**
 * A readers–writers lock: any number of readers may hold it together, a writer holds it
 * alone. This version is correct but gives readers priority: while readers keep coming, a
 * writer waits forever. Change it so that a waiting writer goes first (writer preference).
 */
export class ReadWriteLock {
  private readonly lock = new Lock("rw.lock");
  private readonly changed = new Condition(this.lock, "rw.changed");
  /** Readers holding the lock. */
  private readers = 0;
  /** Whether a writer holds the lock. */
  private writing = false;

  async acquireRead(): Promise<void> {
    await using _ = await this.lock.hold();
    // TODO: a reader must also wait while a writer is waiting for the lock.
    while (this.writing) await this.changed.wait();
    this.readers++;
  }

  async releaseRead(): Promise<void> {
    await using _ = await this.lock.hold();
    this.readers--;
    if (this.readers === 0) await this.changed.notifyAll();
  }

  async acquireWrite(): Promise<void> {
    await using _ = await this.lock.hold();
    // TODO: let the readers know that a writer is waiting.
    while (this.writing || this.readers > 0) await this.changed.wait();
    this.writing = true;
  }

  async releaseWrite(): Promise<void> {
    await using _ = await this.lock.hold();
    this.writing = false;
    await this.changed.notifyAll();
  }
}
