import { Condition, Lock } from "interleave";

// Writer preference taken too far: the writer only waits for another writer, not for the
// readers already inside, so it writes while they are reading.
export class ReadWriteLock {
  private readonly lock = new Lock("rw.lock");
  private readonly changed = new Condition(this.lock, "rw.changed");
  private readers = 0;
  private writing = false;
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
    while (this.writing) await this.changed.wait();
    this.waitingWriters--;
    this.writing = true;
  }

  async releaseWrite(): Promise<void> {
    await using _ = await this.lock.hold();
    this.writing = false;
    await this.changed.notifyAll();
  }
}
