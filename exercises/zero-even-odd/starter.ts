/**
 * Three threads share one ZeroEvenOdd object: one calls zero(), one even(), one odd(). Make
 * them print 0 1 0 2 0 3 … 0 n: zero() prints the n zeros, odd() the odd numbers, even() the
 * even ones, each from its own thread, whichever thread starts first.
 */
export class ZeroEvenOdd {
  constructor(readonly n: number) {}

  async zero(printNumber: (x: number) => Promise<void>): Promise<void> {
    for (let i = 1; i <= this.n; i++) {
      await printNumber(0);
    }
  }

  async even(printNumber: (x: number) => Promise<void>): Promise<void> {
    for (let i = 2; i <= this.n; i += 2) {
      await printNumber(i);
    }
  }

  async odd(printNumber: (x: number) => Promise<void>): Promise<void> {
    for (let i = 1; i <= this.n; i += 2) {
      await printNumber(i);
    }
  }
}
