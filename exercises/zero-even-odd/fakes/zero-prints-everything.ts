// Fake: no concurrency — zero() prints the whole sequence itself; even() and odd() print nothing.
export class ZeroEvenOdd {
  constructor(readonly n: number) {}

  async zero(printNumber: (x: number) => Promise<void>): Promise<void> {
    for (let i = 1; i <= this.n; i++) {
      await printNumber(0);
      await printNumber(i);
    }
  }

  async even(_printNumber: (x: number) => Promise<void>): Promise<void> {}

  async odd(_printNumber: (x: number) => Promise<void>): Promise<void> {}
}
