// Alternate: a bakery-style pair of counters (next ticket, now serving) under one Condition, instead of a line of tickets kept in an array.
import { Condition } from "interleave";

export class FairRWLock {
  readonly #cond = new Condition(undefined, "rwCond");
  #nextTicket = 0;
  #serving = 0;
  #readers = 0;
  #writer = false;

  async acquireRead(): Promise<void> {
    await using _ = await this.#cond.hold();
    const me = this.#nextTicket++;
    await this.#cond.waitFor(() => this.#serving === me && !this.#writer);
    this.#readers++;
    this.#serving++; // the next in line may be a reader too
    await this.#cond.notifyAll();
  }

  async releaseRead(): Promise<void> {
    await using _ = await this.#cond.hold();
    this.#readers--;
    if (this.#readers === 0) await this.#cond.notifyAll();
  }

  async acquireWrite(): Promise<void> {
    await using _ = await this.#cond.hold();
    const me = this.#nextTicket++;
    await this.#cond.waitFor(() => this.#serving === me && !this.#writer && this.#readers === 0);
    this.#writer = true;
    this.#serving++;
  }

  async releaseWrite(): Promise<void> {
    await using _ = await this.#cond.hold();
    this.#writer = false;
    await this.#cond.notifyAll();
  }
}
