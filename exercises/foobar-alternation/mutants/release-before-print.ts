import { Semaphore } from "interleave";

export class FooBar {
  // Two permits, passed back and forth like a baton: foo starts with it.
  readonly #fooTurn = new Semaphore(1, "fooTurn");
  readonly #barTurn = new Semaphore(0, "barTurn");

  constructor(readonly n: number) {}

  async foo(printFoo: () => Promise<void>): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      await this.#fooTurn.acquire();
      this.#barTurn.release(); // hands the turn over before printing
      await printFoo();
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
