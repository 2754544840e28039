// Fake: a plain "next" counter polled with sleep(1) instead of semaphores: right order, but nobody is signalled.
import { sleep } from "interleave";

export class ZeroEvenOdd {
  #printed = 0; // how many numbers have been printed

  constructor(readonly n: number) {}

  async #when(ok: () => boolean): Promise<void> {
    while (!ok()) await sleep(1);
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
