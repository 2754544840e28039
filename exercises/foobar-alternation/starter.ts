/**
 * Two threads share one FooBar object: one calls foo(), the other bar(). Make them print
 * "foo", "bar", "foo", "bar", … — n of each, strictly alternating, foo first — whichever
 * thread starts first.
 */
export class FooBar {
  constructor(readonly n: number) {}

  async foo(printFoo: () => Promise<void>): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      // TODO: wait for your turn
      await printFoo();
      // TODO: hand the turn over
    }
  }

  async bar(printBar: () => Promise<void>): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      await printBar();
    }
  }
}
