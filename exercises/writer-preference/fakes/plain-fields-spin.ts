// Fake: plain fields and a yieldNow() spin instead of a lock and a condition (code between awaits is atomic)
import { yieldNow } from "interleave";

export class ReadWriteLock {
  private readers = 0;
  private writing = false;
  private writersWaiting = 0;

  async acquireRead(): Promise<void> {
    while (this.writing || this.writersWaiting > 0) await yieldNow();
    this.readers++;
  }

  async releaseRead(): Promise<void> {
    this.readers--;
  }

  async acquireWrite(): Promise<void> {
    this.writersWaiting++;
    while (this.writing || this.readers > 0) await yieldNow();
    this.writersWaiting--;
    this.writing = true;
  }

  async releaseWrite(): Promise<void> {
    this.writing = false;
  }
}
