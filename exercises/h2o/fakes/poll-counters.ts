// Fake: plain counters instead of semaphores and a barrier, polled with sleep(1).
import { sleep } from "interleave";

export class H2O {
  #h = 0;
  #o = 0;
  #leaving = 0;

  async #bond(kind: "H" | "O", release: () => Promise<void>): Promise<void> {
    while ((kind === "H" ? this.#h >= 2 : this.#o >= 1) || this.#leaving > 0) await sleep(1);
    if (kind === "H") this.#h++;
    else this.#o++;
    while (this.#h + this.#o < 3 && this.#leaving === 0) await sleep(1);
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
