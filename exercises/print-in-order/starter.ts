/**
 * One PrintInOrder object is shared by three threads: one calls first(), one second(), one
 * third() — started in any order. Make "first" print before "second", and "second" before
 * "third", whatever the order the threads arrive in. Each method gets the print function to
 * call exactly once.
 */
export class PrintInOrder {
  // TODO: add what the methods need to signal each other.

  async first(printFirst: () => Promise<void>): Promise<void> {
    await printFirst();
  }

  async second(printSecond: () => Promise<void>): Promise<void> {
    await printSecond();
  }

  async third(printThird: () => Promise<void>): Promise<void> {
    await printThird();
  }
}
