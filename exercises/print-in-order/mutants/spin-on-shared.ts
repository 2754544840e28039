import { AtomicInt } from "interleave";

export class PrintInOrder {
  readonly #stage = new AtomicInt(0, "stage");

  async first(printFirst: () => Promise<void>): Promise<void> {
    await printFirst();
    await this.#stage.store(1);
  }

  async second(printSecond: () => Promise<void>): Promise<void> {
    while ((await this.#stage.load()) < 1); // busy-waits: burns the CPU until first is done
    await printSecond();
    await this.#stage.store(2);
  }

  async third(printThird: () => Promise<void>): Promise<void> {
    while ((await this.#stage.load()) < 2);
    await printThird();
  }
}
