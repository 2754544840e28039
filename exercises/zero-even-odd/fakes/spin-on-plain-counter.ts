// Fake: a plain "next" counter and a yieldNow() spin loop instead of semaphores.
import { yieldNow } from "interleave";

export class ZeroEvenOdd {
  #printed = 0;

  constructor(readonly n: number) {}

  async #when(ok: () => boolean): Promise<void> {
    while (!ok()) await yieldNow();
  }

  async zero(printNumber: (x: number) => Promise<void>): Promise<void> {
    for (let i = 1; i <= this.n; i++) {
      await this.#when(() => this.#printed % 2 === 0);
      await printNumber(0);
      this.#printed++;
    }
  }

  async even(printNumber: (x: number) => Promise<void>): Promise<void> {
    for (let i = 2; i <= this.n; i += 2) {
      await this.#when(() => this.#printed === 2 * i - 1);
      await printNumber(i);
      this.#printed++;
    }
  }

  async odd(printNumber: (x: number) => Promise<void>): Promise<void> {
    for (let i = 1; i <= this.n; i += 2) {
      await this.#when(() => this.#printed === 2 * i - 1);
      await printNumber(i);
      this.#printed++;
    }
  }
}
