// Fake: plain ticket counters polled with sleep(1) instead of a Condition (sleeping instead of synchronising: in order, but nobody is woken by a release)
import { sleep } from "interleave";

export class FairRWLock {
  readonly #line: number[] = [];
  #nextTicket = 0;
  #readers = 0;
  #writer = false;

  async #enter(canGo: () => boolean): Promise<void> {
    const me = this.#nextTicket++;
    this.#line.push(me);
    while (!(this.#line[0] === me && canGo())) await sleep(1);
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
