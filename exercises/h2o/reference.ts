import { Barrier, Semaphore } from "interleave";

export class H2O {
  // Admission per kind (two hydrogen seats, one oxygen seat), then a barrier of three: the
  // molecule leaves only once its three atoms are in. Seats are given back after releasing,
  // so the next molecule cannot start releasing before this one has finished.
  readonly #hydrogenSeats = new Semaphore(2, "hydrogenSeats");
  readonly #oxygenSeat = new Semaphore(1, "oxygenSeat");
  readonly #bond = new Barrier(3, "bond");

  async hydrogen(releaseHydrogen: () => Promise<void>): Promise<void> {
    await this.#hydrogenSeats.acquire();
    await this.#bond.wait();
    await releaseHydrogen();
    this.#hydrogenSeats.release();
  }

  async oxygen(releaseOxygen: () => Promise<void>): Promise<void> {
    await this.#oxygenSeat.acquire();
    await this.#bond.wait();
    await releaseOxygen();
    this.#oxygenSeat.release();
  }
}
