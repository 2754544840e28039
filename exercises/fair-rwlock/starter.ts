import { Lock } from "interleave";

/**
 * A readers–writers lock: many readers may read at once, a writer writes alone. This is the
 * "first" solution (readers preference): correct and concurrent, but a steady stream of
 * readers keeps a writer out forever. Make it fair — the third readers–writers problem:
 * nobody starves, and nobody overtakes a thread that has been waiting longer.
 */
export class FairRWLock {
  #readers = 0;
  readonly #mutex = new Lock("mutex");
  readonly #resource = new Lock("resource");

  async acquireRead(): Promise<void> {
    await using _ = await this.#mutex.hold();
    this.#readers++;
    if (this.#readers === 1) await this.#resource.acquire(); // the first reader locks writers out
  }

  async releaseRead(): Promise<void> {
    await using _ = await this.#mutex.hold();
    this.#readers--;
    if (this.#readers === 0) this.#resource.release(); // the last reader lets them in
  }

  async acquireWrite(): Promise<void> {
    await this.#resource.acquire();
  }

  async releaseWrite(): Promise<void> {
    this.#resource.release();
  }
}
