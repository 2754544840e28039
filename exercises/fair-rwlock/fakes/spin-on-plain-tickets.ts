// Fake: plain ticket counters and a yieldNow() spin loop instead of a Condition.
import { yieldNow } from "interleave";

export class FairRWLock {
  readonly #line: number[] = [];
  #nextTicket = 0;
  #readers = 0;
  #writer = false;

  async #enter(canGo: () => boolean): Promise<void> {
    const me = this.#nextTicket++;
    this.#line.push(me);
    while (!(this.#line[0] === me && canGo())) await yieldNow();
    this.#line.shift();
  }

  async acquireRead(): Promise<void> {
    await this.#enter(() => !this.#writer);
    this.#readers++;
  }

  async releaseRead(): Promise<void> {
    this.#readers--;
  }

  async acquireWrite(): Promise<void> {
    await this.#enter(() => !this.#writer && this.#readers === 0);
    this.#writer = true;
  }

  async releaseWrite(): Promise<void> {
    this.#writer = false;
  }
}
