// Fake: only a barrier of three, no admission per kind: three hydrogens may bond together
import { Barrier } from "interleave";

export class H2O {
  readonly #bond = new Barrier(3);

  async hydrogen(releaseHydrogen: () => Promise<void>): Promise<void> {
    await this.#bond.wait();
    await releaseHydrogen();
  }

  async oxygen(releaseOxygen: () => Promise<void>): Promise<void> {
    await this.#bond.wait();
    await releaseOxygen();
  }
}
