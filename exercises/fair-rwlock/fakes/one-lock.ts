// Fake: one plain Lock for readers and writers alike — fair and safe, but readers never share.
import { Lock } from "interleave";

export class FairRWLock {
  readonly #lock = new Lock("everything");

  async acquireRead(): Promise<void> {
    await this.#lock.acquire();
  }

  async releaseRead(): Promise<void> {
    this.#lock.release();
  }

  async acquireWrite(): Promise<void> {
    await this.#lock.acquire();
  }

  async releaseWrite(): Promise<void> {
    this.#lock.release();
  }
}
