// Fake: a precise counter — the global lock at every increment, nothing sloppy about it.
import type { Lock, Shared } from "interleave";

export class SloppyCounter {
  // Thread t alone touches local[t]: no lock needed for it.
  readonly #local: number[];

  constructor(
    private readonly global: Shared<number>,
    private readonly globalLock: Lock,
    threads: number,
    private readonly threshold: number,
  ) {
    this.#local = new Array<number>(threads).fill(0);
  }

  async #transfer(t: number): Promise<void> {
    const amount = this.#local[t]!;
    if (amount === 0) return;
    await using _ = await this.globalLock.hold();
    await this.global.set((await this.global.get()) + amount);
    this.#local[t] = 0;
  }

  async increment(t: number): Promise<void> {
    this.#local[t]!++;
    await this.#transfer(t); // every increment goes to the global counter at once
  }

  async flush(t: number): Promise<void> {
    await this.#transfer(t);
  }

  async read(): Promise<number> {
    await using _ = await this.globalLock.hold();
    return await this.global.get(); // await before the lock is released
  }
}
