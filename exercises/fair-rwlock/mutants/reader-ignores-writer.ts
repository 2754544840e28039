import { Condition } from "interleave";

/**
 * Fair (FIFO) readers–writers lock: every thread takes a ticket when it arrives and waits
 * until it is at the head of the line and its kind of access is possible. Readers at the
 * head go in one after another and share; a writer at the head waits for the readers inside
 * to leave, and the readers behind it wait for it.
 */
export class FairRWLock {
  readonly #cond = new Condition(undefined, "rwCond");
  readonly #line: number[] = [];
  #nextTicket = 0;
  #readers = 0;
  #writer = false;

  async #enter(canGo: () => boolean): Promise<void> {
    const me = this.#nextTicket++;
    this.#line.push(me);
    await this.#cond.waitFor(() => this.#line[0] === me && canGo());
    this.#line.shift();
  }

  async acquireRead(): Promise<void> {
    await using _ = await this.#cond.hold();
    await this.#enter(() => true); // forgets that a writer may be inside
    this.#readers++;
    this.#cond.notifyAll(); // the next in line may be a reader too
  }

  async releaseRead(): Promise<void> {
    await using _ = await this.#cond.hold();
    this.#readers--;
    if (this.#readers === 0) this.#cond.notifyAll();
  }

  async acquireWrite(): Promise<void> {
    await using _ = await this.#cond.hold();
    await this.#enter(() => !this.#writer && this.#readers === 0);
    this.#writer = true;
  }

  async releaseWrite(): Promise<void> {
    await using _ = await this.#cond.hold();
    this.#writer = false;
    this.#cond.notifyAll();
  }
}
