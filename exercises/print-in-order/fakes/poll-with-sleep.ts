// Fake: plain fields instead of an Event, polled with sleep(1) — in order, but nobody is signalled.
import { sleep } from "interleave";

export class PrintInOrder {
  #stage = 0;

  async first(printFirst: () => Promise<void>): Promise<void> {
    await printFirst();
    this.#stage = 1;
  }

  async second(printSecond: () => Promise<void>): Promise<void> {
    while (this.#stage < 1) await sleep(1);
    await printSecond();
    this.#stage = 2;
  }

  async third(printThird: () => Promise<void>): Promise<void> {
    while (this.#stage < 2) await sleep(1);
    await printThird();
  }
}
