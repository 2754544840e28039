// Fake: plain state only — counts locally and answers the sum of the local counts, never touching the global counter or its lock.
import type { Lock, Shared } from "interleave";

export class SloppyCounter {
  readonly #local: number[];

  constructor(_global: Shared<number>, _globalLock: Lock, threads: number, _threshold: number) {
    this.#local = new Array<number>(threads).fill(0);
  }

  async increment(t: number): Promise<void> {
    this.#local[t]!++;
  }

  async flush(_t: number): Promise<void> {}

  async read(): Promise<number> {
    return this.#local.reduce((a, b) => a + b, 0);
  }
}
