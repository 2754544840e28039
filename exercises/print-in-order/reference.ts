import { Event } from "interleave";

export class PrintInOrder {
  readonly #firstDone = new Event("firstDone");
  readonly #secondDone = new Event("secondDone");

  async first(printFirst: () => Promise<void>): Promise<void> {
    await printFirst();
    this.#firstDone.set(); // only after printing: set() lets the waiter run at once
  }

  async second(printSecond: () => Promise<void>): Promise<void> {
    await this.#firstDone.wait();
    await printSecond();
    this.#secondDone.set();
  }

  async third(printThird: () => Promise<void>): Promise<void> {
    await this.#secondDone.wait();
    await printThird();
  }
}
