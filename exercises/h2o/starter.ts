/**
 * Hydrogen and oxygen threads arrive at an H2O object, each calling hydrogen() or oxygen()
 * once. Make them leave in water molecules: a thread may call its release function only as
 * part of a group of exactly two hydrogens and one oxygen that have all arrived, and the
 * three releases of one molecule come before any release of the next.
 */
export class H2O {
  async hydrogen(releaseHydrogen: () => Promise<void>): Promise<void> {
    // TODO: wait until this hydrogen can bond
    await releaseHydrogen();
  }

  async oxygen(releaseOxygen: () => Promise<void>): Promise<void> {
    // TODO: wait until this oxygen can bond
    await releaseOxygen();
  }
}
