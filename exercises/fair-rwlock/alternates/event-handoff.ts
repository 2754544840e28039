// Alternate: a FIFO line of waiters, each with its own Event, woken by explicit handoff under a Lock (the releaser admits the head of the line) instead of one Condition everyone re-checks.
import { Event, Lock } from "interleave";

interface Waiter {
  readonly write: boolean;
  readonly admitted: Event;
}

export class FairRWLock {
  readonly #mutex = new Lock("rwMutex");
  readonly #line: Waiter[] = [];
  #readers = 0;
  #writer = false;

  /** Let in whoever is at the head of the line, as long as they can go (call with the mutex held). */
  async #admit(): Promise<void> {
    for (;;) {
      const head = this.#line[0];
      if (head === undefined) return;
      if (head.write) {
        if (this.#writer || this.#readers > 0) return;
        this.#writer = true;
      } else {
        if (this.#writer) return;
        this.#readers++;
      }
      this.#line.shift();
      await head.admitted.set();
    }
  }

  async #enter(write: boolean): Promise<void> {
    const me: Waiter = { write, admitted: new Event(write ? "writerIn" : "readerIn") };
    {
      await using _ = await this.#mutex.hold();
      this.#line.push(me); // nobody overtakes: even a thread that could go now joins the line
      await this.#admit();
    }
    await me.admitted.wait();
  }

  async acquireRead(): Promise<void> {
    await this.#enter(false);
  }

  async releaseRead(): Promise<void> {
    await using _ = await this.#mutex.hold();
    this.#readers--;
    await this.#admit();
  }

  async acquireWrite(): Promise<void> {
    await this.#enter(true);
  }

  async releaseWrite(): Promise<void> {
    await using _ = await this.#mutex.hold();
    this.#writer = false;
    await this.#admit();
  }
}
