import { Event } from "interleave";

// One pair of events for the whole module: every PrintInOrder object shares them.
const firstDone = new Event("firstDone");
const secondDone = new Event("secondDone");

export class PrintInOrder {
  async first(printFirst: () => Promise<void>): Promise<void> {
    await printFirst();
    firstDone.set();
  }

  async second(printSecond: () => Promise<void>): Promise<void> {
    await firstDone.wait();
    await printSecond();
    secondDone.set();
  }

  async third(printThird: () => Promise<void>): Promise<void> {
    await secondDone.wait();
    await printThird();
  }
}
