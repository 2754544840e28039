import { Event } from "interleave";

export class PrintInOrder {
  readonly #firstDone = new Event("firstDone");
  readonly #secondDone = new Event("secondDone");

  async first(printFirst: () => Promise<void>): Promise<void> {
    await printFirst();
    this.#firstDone.set();
  }

  async second(printSecond: () => Promise<void>): Promise<void> {
    await this.#secondDone.wait(); // the wrong event: nobody but second itself sets it
    await printSecond();
    this.#secondDone.set();
  }

  async third(printThird: () => Promise<void>): Promise<void> {
    await this.#secondDone.wait();
    await printThird();
  }
}
