import { Event } from "interleave";

export class PrintInOrder {
  readonly #firstDone = new Event("firstDone");
  readonly #secondDone = new Event("secondDone");

  async first(printFirst: () => Promise<void>): Promise<void> {
    this.#firstDone.set(); // signals before printing: second may print first
    await printFirst();
  }

  async second(printSecond: () => Promise<void>): Promise<void> {
    await this.#firstDone.wait();
    this.#secondDone.set();
    await printSecond();
  }

  async third(printThird: () => Promise<void>): Promise<void> {
    await this.#secondDone.wait();
    await printThird();
  }
}
