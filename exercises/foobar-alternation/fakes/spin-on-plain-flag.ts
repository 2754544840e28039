// Fake: a plain turn variable and a yieldNow() spin loop instead of a Semaphore.
import { yieldNow } from "interleave";

export class FooBar {
  #fooTurn = true;

  constructor(readonly n: number) {}

  async foo(printFoo: () => Promise<void>): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      while (!this.#fooTurn) await yieldNow();
      await printFoo();
      this.#fooTurn = false;
    }
  }

  async bar(printBar: () => Promise<void>): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      while (this.#fooTurn) await yieldNow();
      await printBar();
      this.#fooTurn = true;
    }
  }
}
