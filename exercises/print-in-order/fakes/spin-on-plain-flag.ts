// Fake: a plain field and a yieldNow() spin loop instead of an Event.
import { yieldNow } from "interleave";

export class PrintInOrder {
  #stage = 0;

  async first(printFirst: () => Promise<void>): Promise<void> {
    await printFirst();
    this.#stage = 1;
  }

  async second(printSecond: () => Promise<void>): Promise<void> {
    while (this.#stage < 1) await yieldNow();
    await printSecond();
    this.#stage = 2;
  }

  async third(printThird: () => Promise<void>): Promise<void> {
    while (this.#stage < 2) await yieldNow();
    await printThird();
  }
}
