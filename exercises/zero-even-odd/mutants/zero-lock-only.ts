import { Lock } from "interleave";

export class ZeroEvenOdd {
  // One lock around every print: exclusion, but nobody decides whose turn it is.
  readonly #lock = new Lock("printLock");

  constructor(readonly n: number) {}

  async zero(printNumber: (x: number) => Promise<void>): Promise<void> {
    for (let i = 1; i <= this.n; i++) {
      await using _ = await this.#lock.hold();
      await printNumber(0);
    }
  }

  async even(printNumber: (x: number) => Promise<void>): Promise<void> {
    for (let i = 2; i <= this.n; i += 2) {
      await using _ = await this.#lock.hold();
      await printNumber(i);
    }
  }

  async odd(printNumber: (x: number) => Promise<void>): Promise<void> {
    for (let i = 1; i <= this.n; i += 2) {
      await using _ = await this.#lock.hold();
      await printNumber(i);
    }
  }
}
