// Fake: a plain mutex for readers and writers alike, so no writer can starve because readers never share
import { Lock } from "interleave";

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
