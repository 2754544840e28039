import { Semaphore } from "interleave";

export class ZeroEvenOdd {
  // One permit travels: zero → odd → zero → even → zero → …
  readonly #zeroTurn = new Semaphore(1, "zeroTurn");
  readonly #oddTurn = new Semaphore(0, "oddTurn");
  readonly #evenTurn = new Semaphore(0, "evenTurn");

  constructor(readonly n: number) {}

  async zero(printNumber: (x: number) => Promise<void>): Promise<void> {
    for (let i = 1; i <= this.n; i++) {
      await this.#zeroTurn.acquire();
      await printNumber(0);
      // The number that follows this zero is i: wake the thread that prints it.
      if (i % 2 === 1) this.#oddTurn.release();
      else this.#evenTurn.release();
    }
  }

  async even(printNumber: (x: number) => Promise<void>): Promise<void> {
    for (let i = 2; i <= this.n; i += 2) {
      await this.#evenTurn.acquire();
      await printNumber(i);
      this.#zeroTurn.release();
    }
  }

  async odd(printNumber: (x: number) => Promise<void>): Promise<void> {
    for (let i = 1; i <= this.n; i += 2) {
      await this.#oddTurn.acquire();
      await printNumber(i);
      // forgets to give the turn back to zero
    }
  }
}
