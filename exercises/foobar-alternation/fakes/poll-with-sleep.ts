// Fake: a plain turn variable polled with sleep(1) instead of a Semaphore: alternates, but nobody is signalled.
import { sleep } from "interleave";

export class FooBar {
  #fooTurn = true;

  constructor(readonly n: number) {}

  async foo(printFoo: () => Promise<void>): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      while (!this.#fooTurn) await sleep(1);
      await printFoo();
      this.#fooTurn = false;
    }
  }

  async bar(printBar: () => Promise<void>): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      while (this.#fooTurn) await sleep(1);
      await printBar();
      this.#fooTurn = true;
    }
  }
}
