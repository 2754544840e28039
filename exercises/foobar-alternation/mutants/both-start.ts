import { Semaphore } from "interleave";

export class FooBar {
  // Two permits, passed back and forth like a baton: foo starts with it.
  readonly #fooTurn = new Semaphore(1, "fooTurn");
  readonly #barTurn = new Semaphore(1, "barTurn"); // bar may go first;

  constructor(readonly n: number) {}

  async foo(printFoo: () => Promise<void>): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      await this.#fooTurn.acquire();
      await printFoo();
      this.#barTurn.release();
    }
  }

  async bar(printBar: () => Promise<void>): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      await this.#barTurn.acquire();
      await printBar();
      this.#fooTurn.release();
    }
  }
}
