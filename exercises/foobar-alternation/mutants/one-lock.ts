import { Lock } from "interleave";

export class FooBar {
  readonly #lock = new Lock("printLock"); // mutual exclusion is not alternation

  constructor(readonly n: number) {}

  async foo(printFoo: () => Promise<void>): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      await using _ = await this.#lock.hold();
      await printFoo();
    }
  }

  async bar(printBar: () => Promise<void>): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      await using _ = await this.#lock.hold();
      await printBar();
    }
  }
}
