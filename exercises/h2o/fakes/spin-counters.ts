// Fake: plain counters instead of semaphores and a barrier, spun on with yieldNow().
import { yieldNow } from "interleave";

export class H2O {
  #h = 0;
  #o = 0;
  #leaving = 0;

  async #bond(kind: "H" | "O", release: () => Promise<void>): Promise<void> {
    while ((kind === "H" ? this.#h >= 2 : this.#o >= 1) || this.#leaving > 0) await yieldNow();
    if (kind === "H") this.#h++;
    else this.#o++;
    while (this.#h + this.#o < 3 && this.#leaving === 0) await yieldNow();
    if (this.#leaving === 0) this.#leaving = 3;
    await release();
    this.#leaving--;
    if (this.#leaving === 0) this.#h = this.#o = 0;
  }

  async hydrogen(releaseHydrogen: () => Promise<void>): Promise<void> {
    await this.#bond("H", releaseHydrogen);
  }

  async oxygen(releaseOxygen: () => Promise<void>): Promise<void> {
    await this.#bond("O", releaseOxygen);
  }
}
