import type { Lock, Shared } from "interleave";

/**
 * An approximate ("sloppy") counter for `threads` threads (OSTEP, chapter 29): each thread
 * counts in a local counter of its own and moves its count into the global counter, under
 * the global lock, only once it reaches `threshold`. The global value lags behind by less
 * than threads × threshold, and the global lock is taken about once per `threshold`
 * increments instead of at every one.
 *
 * Thread number t (0 ≤ t < threads) calls increment(t) and, when it is done, flush(t).
 */
export class SloppyCounter {
  readonly #local: number[];

  constructor(
    private readonly global: Shared<number>,
    private readonly globalLock: Lock,
    threads: number,
    private readonly threshold: number,
  ) {
    this.#local = new Array<number>(threads).fill(0);
  }

  async increment(t: number): Promise<void> {
    this.#local[t]!++;
    // TODO: once the local count reaches the threshold, move it into the global counter.
  }

  /** Move thread t's remaining local count into the global counter. */
  async flush(t: number): Promise<void> {
    // TODO
    void t;
  }

  /** The approximate count: the global counter's value. */
  async read(): Promise<number> {
    await using _ = await this.globalLock.hold();
    return await this.global.get(); // await before the lock is released
  }
}
