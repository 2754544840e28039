import { Condition } from "interleave";

/** The second readers–writers solution: writers first. A stream of writers starves readers. */
export class FairRWLock {
  readonly #cond = new Condition(undefined, "rwCond");
  #readers = 0;
  #writer = false;
  #waitingWriters = 0;

  async acquireRead(): Promise<void> {
    await using _ = await this.#cond.hold();
    await this.#cond.waitFor(() => !this.#writer && this.#waitingWriters === 0);
    this.#readers++;
  }

  async releaseRead(): Promise<void> {
    await using _ = await this.#cond.hold();
    this.#readers--;
    if (this.#readers === 0) this.#cond.notifyAll();
  }

  async acquireWrite(): Promise<void> {
    await using _ = await this.#cond.hold();
    this.#waitingWriters++;
    await this.#cond.waitFor(() => !this.#writer && this.#readers === 0);
    this.#waitingWriters--;
    this.#writer = true;
  }

  async releaseWrite(): Promise<void> {
    await using _ = await this.#cond.hold();
    this.#writer = false;
    this.#cond.notifyAll();
  }
}
